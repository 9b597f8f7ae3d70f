import { z } from "zod";
import { ACTION_TYPE_VALUES, CONTEXT_KEY_VALUES, PHASE_VALUES, PROMPT_TYPE_VALUES } from "../catalog";
import { versionTableQuery } from "./version-table";

/**
 * Shapes the authoring UI's pages get from services (not API answers, but the same rule: one zod
 * schema per shape, its type everywhere; components import these, never from lib/server).
 */
const phase = z.enum(PHASE_VALUES);
const promptType = z.enum(PROMPT_TYPE_VALUES);

/** One row of a phase's version list beside the editor. */
export const versionSummarySchema = z.object({
  id: z.uuid(),
  version: z.number().int(),
  name: z.string().nullable(),
  promptType,
  isActive: z.boolean(),
  createdAt: z.string(),
});
export type VersionSummary = z.output<typeof versionSummarySchema>;

/** The prompts overview: each phase (null: the phase-less prompts) with what it serves and its last change. */
export const phaseOverviewRowSchema = z.object({
  phase: phase.nullable(),
  servingVersion: z.number().int().nullable(),
  versions: z.number().int(),
  lastChange: z.string().nullable(),
  /** Who made the phase's latest audited change (email, key or system name) and what it was. */
  lastChangeBy: z.string().nullable(),
  lastChangeAction: z.string().nullable(),
});
export type PhaseOverviewRow = z.output<typeof phaseOverviewRowSchema>;

export const versionTableItemSchema = z.object({
  id: z.uuid(),
  phase: phase.nullable(),
  version: z.number().int(),
  name: z.string().nullable(),
  description: z.string().nullable(),
  promptType,
  isActive: z.boolean(),
  requiredContextKeys: z.array(z.enum(CONTEXT_KEY_VALUES)),
  allowedActions: z.array(z.enum(ACTION_TYPE_VALUES)),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type VersionTableItem = z.output<typeof versionTableItemSchema>;

/** `capped`: more than `total` versions match the search (counting them all would read every body). */
export const versionTablePageSchema = z.object({
  query: versionTableQuery,
  items: z.array(versionTableItemSchema),
  total: z.number().int(),
  capped: z.boolean(),
  pageCount: z.number().int(),
});
export type VersionTablePage = z.output<typeof versionTablePageSchema>;

const perProvider = { openai: z.number().int(), anthropic: z.number().int() };
/** Tokens per section and in total, with the name of the tokenizer each count comes from. */
export const tokenCountsSchema = z.object({
  sections: z.array(z.object({ label: z.string(), ...perProvider })),
  total: z.object(perProvider),
  tokenizers: z.object({ openai: z.string(), anthropic: z.string() }),
});
export type TokenCounts = z.output<typeof tokenCountsSchema>;
