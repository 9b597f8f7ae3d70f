import { describedActionSchema, type ActionWordings } from "../action-instructions";
import type { ActionType } from "../catalog";

/**
 * JSON Schema of the model's answer, in the old system's shape: a required `message` string plus one
 * property per allowed action that is required but nullable (`anyOf: [payload, null]`), with
 * `additionalProperties: false` throughout. That is what OpenAI's strict structured outputs demand
 * (every property required, no optional ones), and what the old backend's action handler parses.
 * Schemas are inline (no `$ref`): strict mode refuses a `$ref` beside a description.
 */
export function responseFormatFor(actions: readonly ActionType[], wordings: ActionWordings): Record<string, unknown> {
  const properties: Record<string, unknown> = { message: { type: "string" } };
  for (const action of actions) {
    properties[action] = { anyOf: [describedActionSchema(action, wordings[action]), { type: "null" }] };
  }
  return { type: "object", properties, required: Object.keys(properties), additionalProperties: false };
}

export const SCHEMA_INSTRUCTION = "Your response must be a JSON object matching this JSON Schema:";

/**
 * Anthropic has no separate response-format parameter the way OpenAI does, so the schema has to
 * travel inside the prompt text (once: the actions block then leaves the per-action schemas out).
 */
export function schemaInstruction(responseFormat: Record<string, unknown>): string {
  return `${SCHEMA_INSTRUCTION}\n${JSON.stringify(responseFormat, null, 2)}`;
}
