import { z } from "zod";
import { ACTION_TYPE_VALUES } from "../catalog";

export const actionTypeSchema = z.enum(ACTION_TYPE_VALUES);

/** A new version of an action's wording. Saved inactive unless `activate` (then it serves at once). */
export const createActionInstructionSchema = z.strictObject({
  instruction: z.string().trim().min(1, "The instruction must not be empty").max(20_000),
  fieldDescriptions: z.record(z.string().max(200), z.string().trim().max(5_000)).default({}),
  changeNote: z.string().trim().max(2_000).nullish(),
  activate: z.boolean().default(false),
});

export const updateActionInstructionSchema = z.strictObject({ isActive: z.boolean() });

export const actionInstructionSchema = z.object({
  id: z.string(),
  actionType: actionTypeSchema,
  version: z.number().int(),
  instruction: z.string(),
  fieldDescriptions: z.record(z.string(), z.string()),
  changeNote: z.string().nullable(),
  isActive: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type ActionInstructionDto = z.output<typeof actionInstructionSchema>;

export const actionSummarySchema = z.object({
  actionType: actionTypeSchema,
  label: z.string(),
  /** The production wording (highest active version), or null when no version is active. */
  serving: actionInstructionSchema.nullable(),
  versions: z.number().int(),
  /** Phases whose serving prompt allows the action ("sentinel" etc. for prompts without a phase). */
  allowedIn: z.array(z.string()),
});
export type ActionSummary = z.output<typeof actionSummarySchema>;

export const actionDetailSchema = actionSummarySchema.extend({
  /** Every place in the params that takes a description ("" is the params object). */
  fieldPaths: z.array(z.string()),
  /** The params' JSON Schema without descriptions (the catalog's shape). */
  paramsSchema: z.record(z.string(), z.unknown()),
  history: z.array(actionInstructionSchema),
});
export type ActionDetail = z.output<typeof actionDetailSchema>;
