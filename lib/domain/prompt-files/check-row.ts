import type { ImportProblem, UnknownValueKind } from "../schemas/import";
import { UUID_PATTERN, type PromptRecord } from "../schemas/prompt-files";
import { bodyFindings } from "./body-findings";
import { resolveValue, type ResolvedOptions } from "./import-options";
import { FIELDS, sourceRow, type Field, type FileFormat } from "./read-file";
import { normalizeTimestamp } from "./timestamps";

/** One row of a file after checking: what it would import, and everything wrong or changed in it. */
export interface CheckedRow {
  row: number;
  /** As the file says them (when readable), for the report. */
  id: string | null;
  coachingPhase: string | null;
  version: number | null;
  isActive: boolean | null;
  /** Null when some field could not be read or an unknown value is unresolved. */
  record: PromptRecord | null;
  problems: ImportProblem[];
  unknown: { kind: UnknownValueKind; value: string }[];
  usedOptions: string[];
  /** The body does not parse as a template (its syntax errors are among the problems). */
  invalidTemplate: boolean;
}

const MAX_INT = 2_147_483_647;

export function checkRow(raw: unknown, row: number, format: FileFormat, options: ResolvedOptions): CheckedRow {
  const source = sourceRow(raw, format);
  const v = source.values;
  const problems: ImportProblem[] = source.problems.map((p) =>
    problem(row, p.field, p.severity === "error" ? "invalid_row" : "ignored_field", p.severity, p.message),
  );
  const unknown: CheckedRow["unknown"] = [];
  if (source.problems.some((p) => p.severity === "error")) {
    // Not a prompt row at all (wrong model, no fields): listing each missing field would only be noise.
    return {
      row,
      record: null,
      problems,
      unknown,
      usedOptions: [],
      invalidTemplate: false,
      id: null,
      coachingPhase: null,
      version: null,
      isActive: null,
    };
  }
  const usedOptions: string[] = [];
  const fieldName = (field: Field) => FIELDS[field][format];
  const fail = (field: Field, message: string, code = "invalid_field") => {
    problems.push(problem(row, fieldName(field), code, "error", message));
    return undefined;
  };
  const present = (field: Field) =>
    Object.hasOwn(v, field) || fail(field, `Missing field "${fieldName(field)}"`, "missing_field");

  const enumValue = (
    field: Field,
    kind: UnknownValueKind,
    value: string,
    scalar: boolean,
  ): string | null | undefined => {
    const outcome = resolveValue(kind, value, options, scalar);
    if (outcome.kind === "keep" && outcome.mappedFrom === null) return outcome.value;
    if (!(outcome.kind === "refuse" && outcome.code.startsWith("unknown_"))) usedOptions.push(value);
    unknown.push({ kind, value });
    if (outcome.kind === "refuse") {
      problems.push(problem(row, fieldName(field), outcome.code, "error", outcome.message, value));
      return undefined;
    }
    if (outcome.kind === "drop") {
      problems.push(problem(row, fieldName(field), "value_dropped", "info", `"${value}" dropped as asked`, value));
      return null;
    }
    problems.push(
      problem(row, fieldName(field), "value_mapped", "info", `"${value}" mapped to "${outcome.value}" as asked`, value),
    );
    return outcome.value;
  };
  const text = (field: Field, nullable: boolean): string | null | undefined => {
    if (!present(field)) return undefined;
    const value = v[field];
    if (value === null && nullable) return null;
    if (typeof value !== "string")
      return fail(field, `"${fieldName(field)}" must be a string${nullable ? " or null" : ""}`);
    if (value.includes("\u0000"))
      return fail(field, `"${fieldName(field)}" contains a NUL character, which PostgreSQL cannot store`);
    return value;
  };
  /** The list's values after the options; `complete` is false when an unknown value is unresolved. */
  const list = (field: Field, kind: UnknownValueKind): { values: string[]; complete: boolean } | undefined => {
    if (!present(field)) return undefined;
    const value = v[field];
    if (!Array.isArray(value) || !value.every((x) => typeof x === "string"))
      return fail(field, `"${fieldName(field)}" must be a list of strings`);
    const values: string[] = [];
    let complete = true;
    for (const item of value as string[]) {
      const resolved = enumValue(field, kind, item, false);
      if (resolved === undefined) complete = false;
      else if (resolved !== null && values.includes(resolved)) {
        problems.push(
          problem(
            row,
            fieldName(field),
            "duplicate_value",
            "warning",
            `"${resolved}" appears more than once; kept once`,
            resolved,
          ),
        );
      } else if (resolved !== null) values.push(resolved);
    }
    return { values, complete };
  };
  const timestamp = (field: Field): string | undefined => {
    const value = text(field, false);
    if (typeof value !== "string") return undefined;
    return normalizeTimestamp(value) ?? fail(field, `"${value}" is not a timestamp with a time zone (ISO 8601)`);
  };

  let id = text("id", false) ?? undefined;
  if (id !== undefined && !UUID_PATTERN.test(id)) id = fail("id", `"${id}" is not a UUID`);
  const rawPhase = text("coachingPhase", true);
  const coachingPhase = typeof rawPhase === "string" ? enumValue("coachingPhase", "phase", rawPhase, true) : rawPhase;
  const version = !present("version")
    ? undefined
    : isVersion(v.version)
      ? v.version
      : fail("version", `"version" must be a whole number from 1 to ${MAX_INT}`);
  const name = text("name", true);
  if (typeof name === "string" && [...name].length > 255) fail("name", '"name" is longer than 255 characters');
  const description = text("description", true);
  const body = text("body", false);
  if (typeof body === "string" && !/\S/.test(body))
    fail("body", '"body" is empty; the database requires some text', "empty_body");
  const requiredContextKeys = list("requiredContextKeys", "contextKey");
  const allowedActions = list("allowedActions", "action");
  const rawType = text("promptType", false);
  const promptType = typeof rawType === "string" ? enumValue("promptType", "promptType", rawType, true) : undefined;
  const isActive = !present("isActive")
    ? undefined
    : typeof v.isActive === "boolean"
      ? v.isActive
      : fail("isActive", `"${fieldName("isActive")}" must be true or false`);
  const createdAt = timestamp("createdAt");
  const updatedAt = timestamp("updatedAt");

  let invalidTemplate = false;
  if (typeof body === "string" && /\S/.test(body)) {
    // Linted against the keys the row would have (known and mapped ones), so an unresolved unknown
    // key does not also turn every other placeholder into a "not required" warning.
    for (const f of bodyFindings(body, requiredContextKeys?.values ?? [])) {
      invalidTemplate ||= f.severity === "error";
      problems.push({
        row,
        field: fieldName("body"),
        code: f.code,
        severity: f.severity,
        message: f.message,
        value: f.key ?? null,
        line: f.line,
        column: f.column,
      });
    }
  }
  // A body that does not parse still yields a record: the invalid-template policy decides about it.
  const readable = problems.every(
    (p) => p.severity !== "error" || (invalidTemplate && p.field === fieldName("body") && p.line !== null),
  );
  const record: PromptRecord | null =
    readable &&
    id !== undefined &&
    coachingPhase !== undefined &&
    version !== undefined &&
    name !== undefined &&
    description !== undefined &&
    typeof body === "string" &&
    requiredContextKeys?.complete &&
    allowedActions?.complete &&
    promptType &&
    isActive !== undefined &&
    createdAt &&
    updatedAt
      ? {
          id: id.toLowerCase(),
          coachingPhase: coachingPhase as PromptRecord["coachingPhase"],
          version,
          // Django's CharField/TextField say "no value" with ""; we store NULL (and export "" again).
          name: name || null,
          description: description || null,
          body,
          requiredContextKeys: requiredContextKeys.values as PromptRecord["requiredContextKeys"],
          allowedActions: allowedActions.values as PromptRecord["allowedActions"],
          promptType: promptType as PromptRecord["promptType"],
          isActive,
          createdAt,
          updatedAt,
        }
      : null;
  return {
    row,
    record,
    problems,
    unknown,
    usedOptions,
    invalidTemplate,
    id: typeof v.id === "string" ? v.id : null,
    coachingPhase: typeof v.coachingPhase === "string" ? v.coachingPhase : null,
    version: Number.isInteger(v.version) ? (v.version as number) : null,
    isActive: typeof v.isActive === "boolean" ? v.isActive : null,
  };
}

function isVersion(value: unknown): value is number {
  return Number.isInteger(value) && (value as number) >= 1 && (value as number) <= MAX_INT;
}

function problem(
  row: number,
  field: string | null,
  code: string,
  severity: ImportProblem["severity"],
  message: string,
  value: string | null = null,
): ImportProblem {
  return { row, field, code, severity, message, value, line: null, column: null };
}
