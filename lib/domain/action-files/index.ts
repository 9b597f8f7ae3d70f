import type { ActionWordings } from "../action-instructions";
import { ACTION_TYPE_VALUES, actionJsonSchema, isActionType, type ActionType } from "../catalog";
import { dereference, descriptionsOf, withoutKeywords, type JsonSchema } from "../json-schema";
import type { ActionImportEntry, ActionImportReport } from "../schemas/action-import";

/**
 * Action files: the old system's action definitions (`{meta?, actions: [{action_type, description,
 * params_schema}]}`, as generated from its code). Importing one brings its wording (instruction and
 * field descriptions) in as new versions; the params' shape must equal our catalog's, since that is
 * a contract with the callers' action handlers, so a differing shape blocks its action.
 */
const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

/** Recognises an action file by its shape (an `actions` array of objects with `action_type`). */
export function isActionFile(data: unknown): data is { actions: unknown[] } {
  return (
    isObject(data) &&
    Array.isArray(data.actions) &&
    data.actions.length > 0 &&
    data.actions.every((a) => isObject(a) && typeof a.action_type === "string")
  );
}

const shapeOf = (schema: unknown) => withoutKeywords(schema, ["description", "title"]);

export interface PlannedActionImport {
  report: ActionImportReport;
  /** What to insert, in file order: one new version per changed action. */
  toInsert: { actionType: ActionType; instruction: string; fieldDescriptions: Record<string, string> }[];
}

/**
 * Checks every entry against the catalog and compares its wording with production (`serving`, with
 * the serving version numbers and the latest version numbers, to report what a run would create).
 */
export function planActionImport(input: {
  data: { actions: unknown[] };
  dryRun: boolean;
  serving: ActionWordings;
  servingVersions: ReadonlyMap<string, number>;
  latestVersions: ReadonlyMap<string, number>;
}): PlannedActionImport {
  const seen = new Set<string>();
  const toInsert: PlannedActionImport["toInsert"] = [];
  const entries = input.data.actions.map((raw, index): ActionImportEntry => {
    const entry = checkEntry(raw, index + 1, seen);
    const type = entry.actionType;
    entry.servingVersion = input.servingVersions.get(type) ?? null;
    if (entry.status === "blocked" || !isActionType(type)) return entry;
    const current = input.serving[type];
    const same =
      current &&
      current.instruction === entry.instruction &&
      JSON.stringify(sorted(current.fieldDescriptions)) === JSON.stringify(sorted(entry.fieldDescriptions));
    if (same) return { ...entry, status: "unchanged" };
    entry.version = (input.latestVersions.get(type) ?? 0) + 1;
    toInsert.push({
      actionType: type,
      instruction: entry.instruction ?? "",
      fieldDescriptions: entry.fieldDescriptions,
    });
    return entry;
  });
  const count = (status: ActionImportEntry["status"]) => entries.filter((e) => e.status === status).length;
  const blocked = count("blocked");
  return {
    report: {
      kind: "actions",
      dryRun: input.dryRun,
      canApply: blocked === 0,
      applied: false,
      counts: { new_version: count("new_version"), unchanged: count("unchanged"), blocked },
      missing: ACTION_TYPE_VALUES.filter((t) => !seen.has(t)),
      actions: entries,
    },
    toInsert,
  };
}

function checkEntry(raw: unknown, row: number, seen: Set<string>): ActionImportEntry {
  const entry: ActionImportEntry = {
    row,
    actionType: isObject(raw) && typeof raw.action_type === "string" ? raw.action_type : "",
    status: "new_version",
    version: null,
    servingVersion: null,
    instruction: null,
    fieldDescriptions: {},
    problems: [],
  };
  const block = (code: string, message: string) => {
    entry.problems.push({ code, severity: "error", message });
    entry.status = "blocked";
    return entry;
  };
  if (!isObject(raw)) return block("unreadable", "Not an object");
  const type = entry.actionType;
  if (!isActionType(type)) return block("unknown_action", `"${type}" is not an action of the catalog`);
  if (seen.has(type)) return block("duplicate_action", `${type} appears more than once in the file`);
  seen.add(type);
  if (typeof raw.description !== "string" || raw.description.trim() === "") {
    return block("missing_instruction", "The action has no description (its instruction)");
  }
  entry.instruction = raw.description.trim();
  if (!isObject(raw.params_schema)) return block("missing_schema", "The action has no params_schema");
  let payload: JsonSchema;
  try {
    payload = dereference(raw.params_schema);
  } catch (error) {
    return block("unreadable_schema", error instanceof Error ? error.message : String(error));
  }
  // Key order aside (pydantic and zod order keywords differently), the shapes must be equal.
  if (JSON.stringify(sorted(shapeOf(payload))) !== JSON.stringify(sorted(shapeOf(actionJsonSchema(type))))) {
    return block(
      "schema_mismatch",
      `The params of ${type} differ from the catalog's (names, types, enums, nesting or required fields)`,
    );
  }
  const params = isObject(payload.properties) && isObject(payload.properties.params) ? payload.properties.params : {};
  entry.fieldDescriptions = Object.fromEntries(
    Object.entries(descriptionsOf(params)).map(([path, text]) => [path, text.trim()]),
  );
  return entry;
}

/** A copy with object keys sorted at every level (arrays keep their order). */
function sorted(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sorted);
  if (!isObject(value)) return value;
  return Object.fromEntries(
    Object.keys(value)
      .sort()
      .map((key) => [key, sorted(value[key])]),
  );
}
