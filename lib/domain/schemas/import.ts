import { z } from "zod";

/**
 * Import request, report and progress events. The report is the one answer of a dry run and of an
 * applied import, so the UI, the CLI and API clients all read the same shape.
 */

export const INVALID_TEMPLATE_POLICIES = ["refuse", "skip", "import"] as const;
export type InvalidTemplatePolicy = (typeof INVALID_TEMPLATE_POLICIES)[number];

export const importOptionsSchema = z.strictObject({
  /** Unknown value → catalog value, e.g. {"transition_state": "transition_phase"}. */
  mappings: z.record(z.string(), z.string()).default({}),
  /** Unknown context keys or actions to leave out of the lists they appear in. */
  drops: z.array(z.string()).default([]),
  /** Rows whose body is not a valid template: block the import (default), leave them out, or import them as they are. */
  invalidTemplates: z.enum(INVALID_TEMPLATE_POLICIES).default("refuse"),
});
export type ImportOptions = z.output<typeof importOptionsSchema>;

export const importRequestSchema = z.strictObject({
  data: z.unknown().describe("The file's JSON: a Django dumpdata array of prompts.prompt, or a native export document"),
  /** Defaults to a dry run: applying has to be asked for. */
  dryRun: z.boolean().default(true),
  options: importOptionsSchema.default({ mappings: {}, drops: [], invalidTemplates: "refuse" }),
  /** Where the data came from (a file name), kept in the audit event. */
  source: z.string().trim().min(1).max(255).optional(),
});
export type ImportRequest = z.input<typeof importRequestSchema>;

export const PROBLEM_SEVERITIES = ["error", "warning", "info"] as const;

export const importProblemSchema = z.object({
  /** 1-based position of the row in the file; null for problems of the options. */
  row: z.number().int().nullable(),
  /** The field as the file names it (`required_context_keys` or `requiredContextKeys`). */
  field: z.string().nullable(),
  code: z.string(),
  severity: z.enum(PROBLEM_SEVERITIES),
  message: z.string(),
  value: z.string().nullable(),
  line: z.number().int().nullable(),
  column: z.number().int().nullable(),
});
export type ImportProblem = z.output<typeof importProblemSchema>;

export const ROW_STATUSES = ["new", "identical", "conflict", "blocked", "skipped"] as const;
export type RowStatus = (typeof ROW_STATUSES)[number];

export const importRowReportSchema = z.object({
  row: z.number().int(),
  id: z.string().nullable(),
  coachingPhase: z.string().nullable(),
  version: z.number().int().nullable(),
  isActive: z.boolean().nullable(),
  status: z.enum(ROW_STATUSES),
  problems: z.array(importProblemSchema),
});
export type ImportRowReport = z.output<typeof importRowReportSchema>;

export const UNKNOWN_VALUE_KINDS = ["phase", "contextKey", "action", "promptType"] as const;
export type UnknownValueKind = (typeof UNKNOWN_VALUE_KINDS)[number];

export const unknownValueSchema = z.object({
  kind: z.enum(UNKNOWN_VALUE_KINDS),
  value: z.string(),
  rows: z.array(z.number().int()),
  resolution: z
    .discriminatedUnion("kind", [
      z.object({ kind: z.literal("map"), to: z.string() }),
      z.object({ kind: z.literal("drop") }),
    ])
    .nullable(),
});
export type UnknownValue = z.output<typeof unknownValueSchema>;

/** A production version the import would set up (`from: null`) or change. */
export const productionChangeSchema = z.object({
  phase: z.string().nullable(),
  /** For the prompts without a phase: which type's production (null for a phase). */
  promptType: z.string().nullable(),
  from: z.number().int().nullable(),
  to: z.number().int(),
});
export type ProductionChangeReport = z.output<typeof productionChangeSchema>;

const count = z.number().int().min(0);
export const importReportSchema = z.object({
  format: z.enum(["native", "django"]),
  dryRun: z.boolean(),
  /** True only when the rows were written (dryRun false and nothing blocked). */
  applied: z.boolean(),
  /** No row is blocked and the options are valid: applying would succeed as reported. */
  canApply: z.boolean(),
  total: count,
  counts: z.object({ new: count, identical: count, conflict: count, blocked: count, skipped: count }),
  inserted: count,
  unknownValues: z.array(unknownValueSchema),
  /** Problems of the options themselves (a mapping that matched nothing, an unknown target…). */
  problems: z.array(importProblemSchema),
  rows: z.array(importRowReportSchema),
  /**
   * What production would serve afterwards, where that changes. Changing an existing production
   * version (`from` not null) needs an admin while releases require approval.
   */
  productionChanges: z.array(productionChangeSchema),
});
export type ImportReport = z.output<typeof importReportSchema>;

/** `Accept: application/x-ndjson` answers one of these per line, ending with a report or an error. */
export const importStreamEventSchema = z.discriminatedUnion("type", [
  z.object({ type: z.literal("progress"), stage: z.enum(["check", "insert"]), done: count, total: count }),
  z.object({ type: z.literal("report"), report: importReportSchema }),
  z.object({
    type: z.literal("error"),
    error: z.object({ code: z.string(), message: z.string(), details: z.unknown() }),
  }),
]);
export type ImportStreamEvent = z.output<typeof importStreamEventSchema>;
export type ImportProgress = Extract<ImportStreamEvent, { type: "progress" }>;
