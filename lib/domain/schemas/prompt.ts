import { z } from "zod";
import {
  ACTION_TYPE_VALUES,
  CONTEXT_KEY_VALUES,
  PHASE_VALUES,
  PROMPT_TYPE_VALUES,
  defaultPromptType,
  parsePhase,
} from "../catalog";

/** Phase as the API accepts it: the stored value or the enum name, any case. */
export const phaseInput = z
  .string()
  .trim()
  .transform((value, ctx) => {
    const phase = parsePhase(value);
    if (!phase) {
      ctx.addIssue({
        code: "custom",
        message: `Unknown coaching phase "${value}"; expected one of ${PHASE_VALUES.join(", ")}`,
      });
      return z.NEVER;
    }
    return phase;
  });

/** A version number as PostgreSQL's `integer` column holds it (larger ones would answer 500). */
export const versionNumber = z.number().int().min(1).max(2_147_483_647);

const uniqueList = <T extends z.ZodType<string>>(item: T, what: string) =>
  z
    .array(item)
    .max(64)
    .refine((xs) => new Set(xs).size === xs.length, { message: `${what} must not repeat` });

export const contextKeyList = uniqueList(z.enum(CONTEXT_KEY_VALUES), "Context keys");
export const actionList = uniqueList(z.enum(ACTION_TYPE_VALUES), "Actions");
export const promptTypeSchema = z.enum(PROMPT_TYPE_VALUES);

const name = z
  .string()
  .trim()
  .max(255)
  .nullish()
  .transform((v) => (v ? v : null));
const description = z
  .string()
  .max(10_000)
  .nullish()
  .transform((v) => (v?.trim() ? v : null));

/** What changed and why; written once with the version, never edited. */
export const changeNote = z
  .string()
  .trim()
  .max(2000)
  .nullish()
  .transform((v) => (v ? v : null));

/** A new version's content (the API body and the editor form use this one schema). */
export const createPromptSchema = z
  .strictObject({
    coachingPhase: phaseInput.nullable(),
    name,
    description,
    body: z
      .string()
      .max(200_000)
      .refine((b) => b.trim() !== "", { message: "Body must not be empty" }),
    requiredContextKeys: contextKeyList.default([]),
    allowedActions: actionList.default([]),
    /** Omitted: `defaultPromptType(coachingPhase)`. */
    promptType: promptTypeSchema.optional(),
    /**
     * Omitted or false: the version is saved as a draft. True asks to serve it at once, which the release
     * policy allows only when no approval is required (otherwise 409 `review_required`).
     */
    isActive: z.boolean().optional(),
    changeNote,
  })
  .transform((d) => ({ ...d, promptType: d.promptType ?? defaultPromptType(d.coachingPhase) }));
export type CreatePromptInput = z.input<typeof createPromptSchema>;
export type CreatePromptData = z.output<typeof createPromptSchema>;

/** Fields that may change in place; everything else is content and needs a new version. */
export const MUTABLE_FIELDS = ["name", "description", "isActive"] as const;
export const CONTENT_FIELDS = [
  "coachingPhase",
  "version",
  "body",
  "requiredContextKeys",
  "allowedActions",
  "promptType",
  "changeNote",
] as const;

export const updatePromptSchema = z.strictObject({ name, description, isActive: z.boolean() }).partial();
export type UpdatePromptData = { name?: string | null; description?: string | null; isActive?: boolean };

/**
 * A plain rollback obeys the release policy; `emergency: true` (admins only, with a note saying why)
 * serves `toVersion` at once whatever the policy, and is recorded as an emergency everywhere.
 */
export const rollbackSchema = z
  .strictObject({
    toVersion: versionNumber,
    emergency: z.boolean().default(false),
    note: z.string().trim().max(2000).optional(),
  })
  .refine((r) => !r.emergency || Boolean(r.note), {
    message: "An emergency rollback needs a note saying why",
    path: ["note"],
  });

export const listPromptsQuery = z.object({
  phase: z.union([z.literal("none"), phaseInput]).optional(),
  type: promptTypeSchema.optional(),
  active: z
    .enum(["true", "false"])
    .transform((v) => v === "true")
    .optional(),
  q: z.string().trim().max(200).optional(),
  cursor: z.uuid().optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type ListPromptsQuery = z.output<typeof listPromptsQuery>;
