import { actionJsonSchema, type ActionType } from "../catalog";

/**
 * JSON Schema of the model's answer: a `message` string plus, optionally, one property per allowed
 * action holding that action's `{params}` payload. With no allowed actions only `message` remains.
 */
export function responseFormatFor(actions: readonly ActionType[]): Record<string, unknown> {
  const properties: Record<string, unknown> = { message: { type: "string" } };
  for (const action of actions) {
    // Cloned: actionJsonSchema returns a cached object that callers of this one must not be able to mutate.
    properties[action] = structuredClone(actionJsonSchema(action));
  }
  return { type: "object", properties, required: ["message"], additionalProperties: false };
}

export const SCHEMA_INSTRUCTION = "Respond with a single JSON object matching this JSON Schema:";

/**
 * Anthropic has no separate response-format parameter the way OpenAI does, so the schema has to
 * travel inside the prompt text.
 */
export function schemaInstruction(responseFormat: Record<string, unknown>): string {
  return `${SCHEMA_INSTRUCTION}\n${JSON.stringify(responseFormat, null, 2)}`;
}
