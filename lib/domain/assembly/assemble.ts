import type { ActionType } from "../catalog";
import { AppError } from "../errors";
import { renderTemplate } from "../template";
import { missingFrom } from "./missing-context";
import { preparePrompt, type PreparedPrompt } from "./prepare";
import { contextSection, RECENT_MESSAGES_HEADING, USER_NOTES_HEADING } from "./sections";

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
  return assemblePrepared(preparePrompt(input.prompt), input);
}

/** assemblePrompt for a prompt prepared earlier (see preparePrompt): only the per-request work. */
export function assemblePrepared(prepared: PreparedPrompt, input: Omit<AssembleInput, "prompt">): AssembledPrompt {
  const { template, responseFormat } = prepared;
  const { context } = input;
  const missing = missingFrom([...prepared.requiredContextKeys, ...template.keys], context);
  if (missing.length > 0) {
    throw new AppError("missing_context", `Missing context keys: ${missing.join(", ")}`, { missing });
  }

  // user_notes / recent_messages get their own section only if the body does not place them itself.
  const placed = new Set(template.keys);
  const ownSection = (key: string, heading: string) => (placed.has(key) ? null : contextSection(heading, context, key));

  const actionParts = prepared.actionsText !== null ? [prepared.actionsText] : [];
  if (input.provider === "anthropic") actionParts.push(prepared.schemaText);

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
