import type { ActionWordings } from "../action-instructions";
import { AppError } from "../errors";
import { renderTemplate } from "../template";
import { missingFrom } from "./missing-context";
import { preparePrompt, type PreparedPrompt, type PromptContent } from "./prepare";
import { isTurnList, renderConversation } from "./recent-conversation";
import { contextSection, conversationSection, USER_NOTES_HEADING } from "./sections";

export type Provider = "openai" | "anthropic";
export type SectionKind = "system_context" | "user_notes" | "body" | "actions" | "recent_messages";

export interface AssembleInput {
  /** The latest active system_context prompt, inserted as is: it is not a template. */
  systemContext: { body: string } | null;
  prompt: PromptContent;
  /** The serving wording of each action (see lib/domain/action-instructions). */
  wordings?: ActionWordings;
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
 * filled in, the available actions, the recent conversation; for the sentinel: body, user notes,
 * actions. Throws `invalid_template` if the body does not parse and `missing_context` listing every
 * absent key before rendering anything.
 */
export function assemblePrompt(input: AssembleInput): AssembledPrompt {
  return assemblePrepared(preparePrompt(input.prompt, input.wordings), input);
}

/** assemblePrompt for a prompt prepared earlier (see preparePrompt): only the per-request work. */
export function assemblePrepared(
  prepared: PreparedPrompt,
  input: Omit<AssembleInput, "prompt" | "wordings">,
): AssembledPrompt {
  const { template, responseFormat } = prepared;
  const missing = missingFrom([...prepared.requiredContextKeys, ...template.keys], input.context);
  if (missing.length > 0) {
    throw new AppError("missing_context", `Missing context keys: ${missing.join(", ")}`, { missing });
  }
  const context = withConversationText(input.context);
  // user_notes / recent_messages get their own section only if the body does not place them itself.
  const placed = new Set(template.keys);
  const notes = placed.has("user_notes") ? null : contextSection(USER_NOTES_HEADING, context, "user_notes");
  const body = renderTemplate(template.parts, context);
  const actionParts = prepared.actionsText ? [prepared.actionsText[input.provider]] : [];
  if (input.provider === "anthropic") actionParts.push(prepared.schemaText);
  const actions = actionParts.join(SECTION_SEPARATOR);
  const candidates: { kind: SectionKind; text: string | null }[] = prepared.sentinel
    ? [
        { kind: "body", text: body },
        { kind: "user_notes", text: notes },
        { kind: "actions", text: actions },
      ]
    : [
        { kind: "system_context", text: input.systemContext?.body ?? null },
        { kind: "user_notes", text: notes },
        { kind: "body", text: body },
        { kind: "actions", text: actions },
        { kind: "recent_messages", text: placed.has("recent_messages") ? null : conversationSection(input.context) },
      ];
  const sections = candidates.filter(
    (s): s is { kind: SectionKind; text: string } => s.text !== null && s.text.trim() !== "",
  );
  return { text: sections.map((s) => s.text).join(SECTION_SEPARATOR), sections, responseFormat };
}

// A body that places {recent_messages} itself gets structured turns as the same block the section
// would show (the old system's context value for that key was that block).
function withConversationText(context: Readonly<Record<string, unknown>>): Readonly<Record<string, unknown>> {
  const turns = context.recent_messages;
  if (!isTurnList(turns) || turns.length === 0) return context;
  return { ...context, recent_messages: renderConversation(turns) };
}
