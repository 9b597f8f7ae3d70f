import type { ActionWordings } from "../action-instructions";
import { describedActionSchema } from "../action-instructions";
import type { ActionType } from "../catalog";
import { formatValue } from "../template";
import { hasValue } from "./missing-context";
import { isTurnList, RECENT_MESSAGES_HEADING, renderConversation } from "./recent-conversation";

export const USER_NOTES_HEADING = "## User notes";
export { RECENT_MESSAGES_HEADING };

// The old system's actions block: heading, one `**name**: instruction` entry per action followed by
// its params schema, and a closing line. The model was tuned on this layout, so it is kept.
export const ACTIONS_HEADING = "# Available Actions\nYou can perform the following actions:";
export const ACTIONS_CLOSING =
  "> For each action, the params field must match the schema shown in the example, including all nested objects.";

/**
 * A context value as its own headed section, e.g. user notes. Null when the value is absent or
 * blank: an empty heading would only confuse the model.
 */
export function contextSection(
  heading: string,
  context: Readonly<Record<string, unknown>>,
  key: string,
): string | null {
  if (!hasValue(context, key)) return null;
  const value = formatValue(context[key]);
  return value.trim() === "" ? null : `${heading}\n${value}`;
}

/** The recent conversation section: structured turns as the old block, a string under the heading. */
export function conversationSection(context: Readonly<Record<string, unknown>>): string | null {
  const value = context.recent_messages;
  if (isTurnList(value)) return value.length > 0 ? renderConversation(value) : null;
  return contextSection(RECENT_MESSAGES_HEADING, context, "recent_messages");
}

/**
 * The actions block. With `withSchemas` (OpenAI) each entry carries its params schema, as in the old
 * system; without (Anthropic) the full response schema follows the block instead, so each action's
 * schema appears once in the text, not twice.
 */
export function actionsSection(actions: readonly ActionType[], wordings: ActionWordings, withSchemas: boolean): string {
  const entries = actions.map((action) => {
    const instruction = wordings[action]?.instruction.trim() ?? "";
    const line = instruction === "" ? `**${action}**` : `**${action}**: ${instruction}`;
    if (!withSchemas) return line;
    return `${line}\n\`\`\`json\n${JSON.stringify(describedActionSchema(action, wordings[action]))}\n\`\`\``;
  });
  return [ACTIONS_HEADING, ...entries, ACTIONS_CLOSING].join("\n");
}
