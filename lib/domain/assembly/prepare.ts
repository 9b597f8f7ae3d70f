import type { ActionType } from "../catalog";
import { assertValidTemplate, type ValidTemplate } from "../template";
import { responseFormatFor, schemaInstruction } from "./response-format";
import { actionsSection } from "./sections";

/**
 * Everything about a prompt version that does not depend on the request: its parsed template, its
 * response format and its action instructions. Versions are immutable, so a caller may keep this per
 * version and pay only for rendering on each request (a 7 KB body with 5 actions spends more time
 * here than in rendering).
 */
export interface PreparedPrompt {
  template: ValidTemplate;
  requiredContextKeys: readonly string[];
  /** Frozen, deeply: one object is shared by every answer built from this preparation. */
  responseFormat: Readonly<Record<string, unknown>>;
  /** The actions section, or null when the prompt allows no actions. */
  actionsText: string | null;
  /** The response schema as text, appended for providers without a response-format parameter. */
  schemaText: string;
}

/** Throws `invalid_template` if the body does not parse. */
export function preparePrompt(prompt: {
  body: string;
  requiredContextKeys: readonly string[];
  allowedActions: readonly ActionType[];
}): PreparedPrompt {
  const template = assertValidTemplate(prompt.body);
  // Deliberate change from the old system: with no allowed actions it offered ALL actions, which let
  // a phase prompt trigger actions it was never designed for. Now no actions means message only.
  const actions = [...new Set(prompt.allowedActions)];
  const responseFormat = deepFreeze(responseFormatFor(actions));
  return {
    template,
    requiredContextKeys: [...prompt.requiredContextKeys],
    responseFormat,
    actionsText: actions.length > 0 ? actionsSection(actions) : null,
    schemaText: schemaInstruction(responseFormat),
  };
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === "object" && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}
