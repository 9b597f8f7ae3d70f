import { z } from "zod";
import { phaseInput, promptTypeSchema } from "./prompt";
import { isSafeText } from "./safe-input";

export const VERSION_TABLE_SORTS = ["createdAt", "phase", "version", "name", "promptType", "isActive"] as const;
export type VersionTableSort = (typeof VERSION_TABLE_SORTS)[number];
export const VERSION_TABLE_PAGE_SIZES = [25, 50, 100] as const;

// Blank form fields ("Any phase") arrive as "": treat them as absent.
const blankAsAbsent = (v: unknown) => (v === "" ? undefined : v);

/**
 * The versions table's state as it lives in the URL (?phase=&type=&active=&q=&sort=&dir=&page=&size=).
 * A hand-edited or stale URL never errors: each bad value falls back to its default.
 */
export const versionTableQuery = z.object({
  phase: z.preprocess(blankAsAbsent, z.union([z.literal("none"), phaseInput]).optional()).catch(undefined),
  type: z.preprocess(blankAsAbsent, promptTypeSchema.optional()).catch(undefined),
  active: z.preprocess(blankAsAbsent, z.enum(["true", "false"]).optional()).catch(undefined),
  q: z.preprocess(blankAsAbsent, z.string().trim().max(200).refine(isSafeText).optional()).catch(undefined),
  sort: z.enum(VERSION_TABLE_SORTS).default("createdAt").catch("createdAt"),
  dir: z.enum(["asc", "desc"]).default("desc").catch("desc"),
  page: z.coerce.number().int().min(1).max(100_000).default(1).catch(1),
  size: z.coerce
    .number()
    .int()
    .refine((n) => (VERSION_TABLE_PAGE_SIZES as readonly number[]).includes(n))
    .default(25)
    .catch(25),
});
export type VersionTableQuery = z.output<typeof versionTableQuery>;
