import { z } from "zod";
import { ACTION_TYPE_VALUES, CONTEXT_KEY_VALUES, PHASE_VALUES, PROMPT_TYPE_VALUES } from "../catalog";
import { listPromptsQuery } from "./prompt";
import { UUID_PATTERN } from "../ids";

/**
 * The two prompt file formats: our own export ("native") and the old Django system's `dumpdata` of
 * `prompts.prompt`. These strict schemas describe what an export writes (and document the API);
 * the importer reads the same fields leniently so it can report every defect of a row by name.
 */

export const NATIVE_FORMAT = "prompt-manager.prompts";
export const NATIVE_FORMAT_VERSION = 1;
export const DJANGO_MODEL = "prompts.prompt";

export { UUID_PATTERN };
const uuid = z.string().regex(UUID_PATTERN);
const canonicalTimestamp = z
  .string()
  .regex(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}Z$/)
  .describe("UTC with microseconds, e.g. 2025-06-17T12:48:24.582447Z");
const djangoTimestamp = z
  .string()
  .regex(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d{1,6})?\+00$/)
  .describe("UTC as PostgreSQL prints it, e.g. 2025-06-17T12:48:24.582447+00");
const version = z.number().int().min(1).max(2_147_483_647);

export const nativePromptSchema = z.strictObject({
  id: uuid,
  coachingPhase: z.enum(PHASE_VALUES).nullable(),
  version,
  name: z.string().max(255).nullable(),
  description: z.string().nullable(),
  body: z.string(),
  requiredContextKeys: z.array(z.enum(CONTEXT_KEY_VALUES)),
  allowedActions: z.array(z.enum(ACTION_TYPE_VALUES)),
  promptType: z.enum(PROMPT_TYPE_VALUES),
  isActive: z.boolean(),
  createdAt: canonicalTimestamp,
  updatedAt: canonicalTimestamp,
});
/** One stored version with everything an export carries; timestamps as canonical text. */
export type PromptRecord = z.output<typeof nativePromptSchema>;

export const nativeExportSchema = z.strictObject({
  format: z.literal(NATIVE_FORMAT),
  formatVersion: z.literal(NATIVE_FORMAT_VERSION),
  prompts: z.array(nativePromptSchema),
});

export const djangoPromptSchema = z.strictObject({
  model: z.literal(DJANGO_MODEL),
  pk: uuid,
  fields: z.strictObject({
    coaching_phase: z.enum(PHASE_VALUES).nullable(),
    version,
    name: z.string().max(255).describe('"" when the version has no name (Django CharField)'),
    description: z.string().describe('"" when the version has no description'),
    body: z.string(),
    required_context_keys: z.array(z.enum(CONTEXT_KEY_VALUES)),
    allowed_actions: z.array(z.enum(ACTION_TYPE_VALUES)),
    is_active: z.boolean(),
    created_at: djangoTimestamp,
    updated_at: djangoTimestamp,
    prompt_type: z.enum(PROMPT_TYPE_VALUES),
  }),
});
export const djangoFixtureSchema = z.array(djangoPromptSchema);

export const EXPORT_FORMATS = ["native", "django"] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** `GET /api/export`: the format plus the filters of `GET /api/prompts` that select versions. */
export const exportQuerySchema = z.strictObject({
  format: z.enum(EXPORT_FORMATS).default("native"),
  phase: listPromptsQuery.shape.phase,
  type: listPromptsQuery.shape.type,
  active: listPromptsQuery.shape.active,
});
export type ExportQuery = z.output<typeof exportQuerySchema>;
