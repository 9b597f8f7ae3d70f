import type { ActionType } from "../catalog";
import { AppError } from "../errors";
import { assertValidTemplate, renderTemplate } from "../template";
import { missingFrom } from "./missing-context";
import { responseFormatFor, schemaInstruction } from "./response-format";
import { actionsSection, contextSection, RECENT_MESSAGES_HEADING, USER_NOTES_HEADING } from "./sections";

export type Provider = "openai" | "anthropic";
export type SectionKind = "system_context" | "user_notes" | "body" | "actions" | "recent_messages";

export interface AssembleInput {
  /** The latest active system_context prompt, inserted as is: it is not a template. */
  systemContext: { body: string } | null;
  prompt: { body: string; requiredContextKeys: readonly string[]; allowedActions: readonly ActionType[] };
  context: Readonly<Record<string, unknown>>;
  provider: Provider;
}

export interface AssembledPrompt {
  text: string;
  sections: { kind: SectionKind; text: string }[];
  responseFormat: Record<string, unknown>;
}

const SECTION_SEPARATOR = "\n\n";

/**
 * Builds the final prompt in the old system's order: system context, user notes, the phase body
 * filled in, the available actions, the recent conversation. Throws `invalid_template` if the body
 * does not parse and `missing_context` listing every absent key before rendering anything.
 */
export function assemblePrompt(input: AssembleInput): AssembledPrompt {
  const { prompt, context } = input;
  const template = assertValidTemplate(prompt.body);
  const missing = missingFrom([...prompt.requiredContextKeys, ...template.keys], context);
  if (missing.length > 0) {
    throw new AppError("missing_context", `Missing context keys: ${missing.join(", ")}`, { missing });
  }

  // Deliberate change from the old system: with no allowed actions it offered ALL actions, which let
  // a phase prompt trigger actions it was never designed for. Now no actions means message only.
  const actions = [...new Set(prompt.allowedActions)];
  const responseFormat = responseFormatFor(actions);

  // user_notes / recent_messages get their own section only if the body does not place them itself.
  const placed = new Set(template.keys);
  const ownSection = (key: string, heading: string) => (placed.has(key) ? null : contextSection(heading, context, key));

  const actionParts = actions.length > 0 ? [actionsSection(actions)] : [];
  if (input.provider === "anthropic") actionParts.push(schemaInstruction(responseFormat));

  const candidates: { kind: SectionKind; text: string | null }[] = [
    { kind: "system_context", text: input.systemContext?.body ?? null },
    { kind: "user_notes", text: ownSection("user_notes", USER_NOTES_HEADING) },
    { kind: "body", text: renderTemplate(template.parts, context) },
    { kind: "actions", text: actionParts.join(SECTION_SEPARATOR) },
    { kind: "recent_messages", text: ownSection("recent_messages", RECENT_MESSAGES_HEADING) },
  ];
  const sections = candidates.filter(
    (s): s is { kind: SectionKind; text: string } => s.text !== null && s.text.trim() !== "",
  );
  return { text: sections.map((s) => s.text).join(SECTION_SEPARATOR), sections, responseFormat };
}
