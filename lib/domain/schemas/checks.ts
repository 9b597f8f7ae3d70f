import { z } from "zod";
import { actionList, contextKeyList } from "./prompt";

const phrase = z.string().min(1, { message: "An expected phrase cannot be empty" }).max(2000);

/**
 * What a sample context asserts on the assembled text of every version it checks. Phrases match
 * literally and case-sensitively (a designer writes the exact words the coach must or must not say).
 */
export const expectationsSchema = z.strictObject({
  contains: z.array(phrase).max(50).optional(),
  notContains: z.array(phrase).max(50).optional(),
  maxChars: z.number().int().min(1).max(10_000_000).optional(),
});
export type Expectations = z.output<typeof expectationsSchema>;

/** `POST /api/prompts/{id}/checks`: check a saved version, or unsaved editor content started from it. */
export const runChecksSchema = z.strictObject({
  draft: z
    .strictObject({ body: z.string().max(200_000), requiredContextKeys: contextKeyList, allowedActions: actionList })
    .optional(),
});

export const checkFailureSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("missing_context"), message: z.string(), keys: z.array(z.string()) }),
  z.object({ kind: z.literal("invalid_template"), message: z.string() }),
  z.object({ kind: z.literal("contains"), message: z.string(), expected: z.string() }),
  /** `found`: the text around the first occurrence, so the reviewer sees where it came from. */
  z.object({ kind: z.literal("not_contains"), message: z.string(), unexpected: z.string(), found: z.string() }),
  z.object({ kind: z.literal("max_chars"), message: z.string(), maxChars: z.number().int(), chars: z.number().int() }),
]);
export type CheckFailure = z.output<typeof checkFailureSchema>;

export const sampleCheckSchema = z.object({
  sampleId: z.uuid(),
  sampleName: z.string(),
  passed: z.boolean(),
  /** Length of the assembled text (null when it could not be assembled). */
  chars: z.number().int().nullable(),
  failures: z.array(checkFailureSchema),
});
export type SampleCheck = z.output<typeof sampleCheckSchema>;

export const checkRunSchema = z.object({
  promptId: z.uuid(),
  phase: z.string().nullable(),
  version: z.number().int(),
  /** True when every sample passed (also when the phase has no samples: `results` is then empty). */
  passed: z.boolean(),
  results: z.array(sampleCheckSchema),
});
export type CheckRun = z.output<typeof checkRunSchema>;
