import type { ActionWordings } from "../action-instructions";
import type { ActionType } from "../catalog";
import { assertValidTemplate, type ValidTemplate } from "../template";
import { responseFormatFor, schemaInstruction } from "./response-format";
import { actionsSection } from "./sections";

/**
 * Everything about a prompt version that does not depend on the request: its parsed template, its
 * response format and its action instructions. Versions are immutable, so a caller may keep this per
 * version (and per set of action wordings) and pay only for rendering on each request.
 */
export interface PreparedPrompt {
  template: ValidTemplate;
  requiredContextKeys: readonly string[];
  /** The sentinel is laid out differently: body, user notes, actions (no conversation). */
  sentinel: boolean;
  /** Frozen, deeply: one object is shared by every answer built from this preparation. */
  responseFormat: Readonly<Record<string, unknown>>;
  /** The actions section per provider, or null when the prompt allows no actions. */
  actionsText: { openai: string; anthropic: string } | null;
  /** The response schema as text, appended for providers without a response-format parameter. */
  schemaText: string;
}

export interface PromptContent {
  body: string;
  requiredContextKeys: readonly string[];
  allowedActions: readonly ActionType[];
  promptType?: string;
}

/** Throws `invalid_template` if the body does not parse. */
export function preparePrompt(prompt: PromptContent, wordings: ActionWordings = {}): PreparedPrompt {
  const template = assertValidTemplate(prompt.body);
  // Deliberate change from the old system: with no allowed actions it offered ALL actions, which let
  // a phase prompt trigger actions it was never designed for. Now no actions means message only.
  const actions = [...new Set(prompt.allowedActions)];
  const responseFormat = deepFreeze(responseFormatFor(actions, wordings));
  return {
    template,
    requiredContextKeys: [...prompt.requiredContextKeys],
    sentinel: prompt.promptType === "sentinel",
    responseFormat,
    actionsText:
      actions.length > 0
        ? { openai: actionsSection(actions, wordings, true), anthropic: actionsSection(actions, wordings, false) }
        : null,
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
