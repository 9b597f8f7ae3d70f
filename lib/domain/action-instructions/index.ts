import { ACTION_TYPE_VALUES, actionJsonSchema, type ActionType } from "../catalog";
import { schemaPaths, withDescriptions, type JsonSchema } from "../json-schema";

/**
 * What the model reads about one action: its instruction and a description per params field. The
 * words are managed content (versioned in the database, edited on the Actions page); the shape of
 * the params is the catalog's, in code, because callers' action handlers depend on it.
 */
export interface ActionWording {
  instruction: string;
  /** Keyed by field path within `params` (see fieldPaths): "" is the params object itself. */
  fieldDescriptions: Readonly<Record<string, string>>;
}

/** Wording per action type; an action without one is listed with its bare schema. */
export type ActionWordings = Readonly<Partial<Record<ActionType, ActionWording>>>;

function paramsSchema(type: ActionType): JsonSchema {
  const params = (actionJsonSchema(type).properties as Record<string, JsonSchema>).params;
  if (!params) throw new Error(`Action ${type} has no params schema`);
  return params;
}

/** Every place in an action's params that can carry a description, in schema order. */
export function fieldPaths(type: ActionType): string[] {
  return schemaPaths(paramsSchema(type));
}

/** Paths of a description map that the action's params do not have (a typo, or an old field). */
export function unknownFieldPaths(type: ActionType, descriptions: Readonly<Record<string, string>>): string[] {
  const known = new Set(fieldPaths(type));
  return Object.keys(descriptions).filter((path) => !known.has(path));
}

/** The `{params}` payload schema of an action with its field descriptions in place. */
export function describedActionSchema(type: ActionType, wording: ActionWording | undefined): JsonSchema {
  const payload = structuredClone(actionJsonSchema(type));
  if (wording) {
    (payload.properties as Record<string, JsonSchema>).params = withDescriptions(
      paramsSchema(type),
      wording.fieldDescriptions,
    );
  }
  return payload;
}

/** A stored description map (JSON from the database), keeping only string entries. */
export function descriptionMap(value: unknown): Record<string, string> {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return {};
  return Object.fromEntries(Object.entries(value).filter((e): e is [string, string] => typeof e[1] === "string"));
}

/**
 * Production wording per action from active versions: the highest version of each action wins (the
 * same rule as prompts). Rows of action types the catalog does not know are ignored.
 */
export function toWordings(
  rows: readonly { actionType: string; version: number; instruction: string; fieldDescriptions: unknown }[],
): ActionWordings {
  const best = new Map<string, (typeof rows)[number]>();
  for (const row of rows) {
    const current = best.get(row.actionType);
    if (!current || row.version > current.version) best.set(row.actionType, row);
  }
  const wordings: Partial<Record<ActionType, ActionWording>> = {};
  for (const type of ACTION_TYPE_VALUES) {
    const row = best.get(type);
    if (row)
      wordings[type] = { instruction: row.instruction, fieldDescriptions: descriptionMap(row.fieldDescriptions) };
  }
  return Object.freeze(wordings);
}
