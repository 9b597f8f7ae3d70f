import { ACTIONS, actionJsonSchema, type ActionType } from "../catalog";
import { formatValue } from "../template";
import { hasValue } from "./missing-context";

export const USER_NOTES_HEADING = "## User notes";
export const RECENT_MESSAGES_HEADING = "## Recent conversation";
export const ACTIONS_HEADING = "## Available actions";

export const ACTIONS_INSTRUCTION =
  'Respond with a JSON object that has a "message" string (what you say to the user) and, only when you ' +
  "want to take an action, one extra property per action, named after the action, whose value is that " +
  "action's payload. Use only the actions listed below.";

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

/** Heading, how to answer, then name, description and payload schema of each allowed action. */
export function actionsSection(actions: readonly ActionType[]): string {
  const blocks = actions.map((action) =>
    [
      `### ${action}`,
      ACTIONS[action].description,
      "Payload JSON Schema:",
      JSON.stringify(actionJsonSchema(action), null, 2),
    ].join("\n"),
  );
  return [`${ACTIONS_HEADING}\n${ACTIONS_INSTRUCTION}`, ...blocks].join("\n\n");
}
