import { AppError } from "../errors";
import { DJANGO_MODEL, NATIVE_FORMAT, NATIVE_FORMAT_VERSION } from "../schemas/prompt-files";

export type FileFormat = "native" | "django";

/** A row's values under our field names, with the file's own name of each field for messages. */
export const FIELDS = {
  id: { native: "id", django: "pk" },
  coachingPhase: { native: "coachingPhase", django: "coaching_phase" },
  version: { native: "version", django: "version" },
  name: { native: "name", django: "name" },
  description: { native: "description", django: "description" },
  body: { native: "body", django: "body" },
  requiredContextKeys: { native: "requiredContextKeys", django: "required_context_keys" },
  allowedActions: { native: "allowedActions", django: "allowed_actions" },
  promptType: { native: "promptType", django: "prompt_type" },
  isActive: { native: "isActive", django: "is_active" },
  createdAt: { native: "createdAt", django: "created_at" },
  updatedAt: { native: "updatedAt", django: "updated_at" },
} as const;
export type Field = keyof typeof FIELDS;

/** Large enough for any real history, small enough that one request cannot exhaust the server. */
export const MAX_IMPORT_ROWS = 50_000;

/** Recognizes the format from the document's shape; anything else is refused as a whole. */
export function readPromptFile(data: unknown): { format: FileFormat; rows: unknown[] } {
  let result: { format: FileFormat; rows: unknown[] };
  if (Array.isArray(data)) {
    result = { format: "django", rows: data };
  } else if (isObject(data) && data.format === NATIVE_FORMAT) {
    if (data.formatVersion !== NATIVE_FORMAT_VERSION) {
      throw new AppError(
        "invalid_request",
        `Unsupported ${NATIVE_FORMAT} formatVersion ${JSON.stringify(data.formatVersion)}; this version reads ${NATIVE_FORMAT_VERSION}`,
      );
    }
    if (!Array.isArray(data.prompts))
      throw new AppError("invalid_request", 'The export document has no "prompts" array');
    result = { format: "native", rows: data.prompts };
  } else {
    throw new AppError(
      "invalid_request",
      `Not a prompt file: expected a Django dumpdata array of ${DJANGO_MODEL} or a document with "format": "${NATIVE_FORMAT}"`,
    );
  }
  if (result.rows.length > MAX_IMPORT_ROWS) {
    throw new AppError(
      "invalid_request",
      `The file has ${result.rows.length} rows; an import takes at most ${MAX_IMPORT_ROWS}`,
    );
  }
  return result;
}

export interface SourceRow {
  values: Partial<Record<Field, unknown>>;
  /** Structural problems: not an object, wrong model, fields the import would not keep. */
  problems: { field: string | null; severity: "error" | "warning"; message: string }[];
}

/** Pulls our fields out of one row of either format, naming whatever the import would not keep. */
export function sourceRow(raw: unknown, format: FileFormat): SourceRow {
  const problems: SourceRow["problems"] = [];
  if (!isObject(raw))
    return { values: {}, problems: [{ field: null, severity: "error", message: "The row is not a JSON object" }] };
  let fields: Record<string, unknown> = raw;
  if (format === "django") {
    if (raw.model !== DJANGO_MODEL)
      problems.push({
        field: "model",
        severity: "error",
        message: `Expected model "${DJANGO_MODEL}", found ${JSON.stringify(raw.model)}`,
      });
    for (const key of Object.keys(raw)) {
      if (key !== "model" && key !== "pk" && key !== "fields")
        problems.push({ field: key, severity: "warning", message: `Unexpected key "${key}" would not be imported` });
    }
    if (!isObject(raw.fields))
      return {
        values: { id: raw.pk },
        problems: [...problems, { field: "fields", severity: "error", message: 'The row has no "fields" object' }],
      };
    fields = raw.fields;
  }
  const known = new Set<string>();
  const values: SourceRow["values"] = {};
  for (const [field, names] of Object.entries(FIELDS) as [Field, (typeof FIELDS)[Field]][]) {
    const name = names[format];
    known.add(name);
    if (format === "django" && field === "id") values.id = raw.pk;
    else if (Object.hasOwn(fields, name)) values[field] = fields[name];
  }
  for (const key of Object.keys(fields)) {
    if (!known.has(key))
      problems.push({
        field: key,
        severity: "warning",
        message: `Field "${key}" is not part of a prompt here and would not be imported`,
      });
  }
  return { values, problems };
}

export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
