/**
 * `recent_messages` as structured turns, rendered the way the old system rendered its last messages:
 * a "## Recent conversation" heading, then per message a bold speaker line and its text, and the
 * actions a coach message triggered right after that message. The old text ended with a newline;
 * ours does not (sections are joined by a blank line, and a prompt should not end in whitespace).
 */
export interface ConversationTurn {
  role: "user" | "coach";
  content: string;
  actions?: readonly { type: string; params: Readonly<Record<string, unknown>> }[];
}

export const RECENT_MESSAGES_HEADING = "## Recent conversation";

const SPEAKERS: Record<ConversationTurn["role"], string> = { user: "**User:**", coach: "**Coach:**" };

/** Whether a context value is a list of turns (the request schema has already checked each turn). */
export function isTurnList(value: unknown): value is readonly ConversationTurn[] {
  return (
    Array.isArray(value) &&
    value.every((turn) => typeof turn === "object" && turn !== null && "role" in turn && "content" in turn)
  );
}

export function renderConversation(turns: readonly ConversationTurn[]): string {
  const entries: string[] = [];
  for (const turn of turns) {
    entries.push(`${SPEAKERS[turn.role]}\n${turn.content}`);
    for (const action of turn.actions ?? []) {
      entries.push(`**Action:**\n${action.type}: ${JSON.stringify(action.params)}`);
    }
  }
  return `${RECENT_MESSAGES_HEADING}\n\n${entries.join("\n")}`;
}
