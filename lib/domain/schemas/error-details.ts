import { z } from "zod";
import { importReportSchema } from "./import";
import { promptSchema } from "./responses";

/**
 * The `details` of the errors a client acts on, as schemas: services build them with these types and
 * clients decode them with `detailsOf` instead of casting `unknown`.
 */
export const invalidRequestDetailsSchema = z.object({
  issues: z.array(z.object({ path: z.string(), message: z.string(), code: z.string() })),
});
/** 409 `conflict` on save: someone saved after the version the editor started from. */
export const saveConflictDetailsSchema = z.object({
  expectedLatestVersion: z.number().int().nullable(),
  latest: promptSchema.nullable(),
});
export type SaveConflictDetails = z.output<typeof saveConflictDetailsSchema>;
export const missingContextDetailsSchema = z.object({ missing: z.array(z.string()) });
/** 400 on an import that cannot apply: the report says why, row by row. */
export const importRefusedDetailsSchema = z.object({ report: importReportSchema });

/** The details if they have the expected shape, else null (an error from an older or newer server). */
export function detailsOf<S extends z.ZodType>(schema: S, details: unknown): z.output<S> | null {
  const parsed = schema.safeParse(details);
  return parsed.success ? parsed.data : null;
}
