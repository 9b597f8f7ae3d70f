import { z } from "zod";

export const ACTION_IMPORT_STATUSES = ["new_version", "unchanged", "blocked"] as const;

export const actionImportEntrySchema = z.object({
  /** 1-based position in the file's `actions` array. */
  row: z.number().int(),
  actionType: z.string(),
  status: z.enum(ACTION_IMPORT_STATUSES),
  /** The version the import creates (or would create, in a dry run); null when nothing is created. */
  version: z.number().int().nullable(),
  /** The production version before the import. */
  servingVersion: z.number().int().nullable(),
  instruction: z.string().nullable(),
  fieldDescriptions: z.record(z.string(), z.string()),
  problems: z.array(z.object({ code: z.string(), severity: z.enum(["error", "warning"]), message: z.string() })),
});
export type ActionImportEntry = z.output<typeof actionImportEntrySchema>;

/** The report of importing an action file (the old system's dev-coach-actions.json). */
export const actionImportReportSchema = z.object({
  kind: z.literal("actions"),
  dryRun: z.boolean(),
  canApply: z.boolean(),
  applied: z.boolean(),
  counts: z.object({ new_version: z.number().int(), unchanged: z.number().int(), blocked: z.number().int() }),
  /** Catalog actions the file does not mention (they keep their wording). */
  missing: z.array(z.string()),
  actions: z.array(actionImportEntrySchema),
});
export type ActionImportReport = z.output<typeof actionImportReportSchema>;
