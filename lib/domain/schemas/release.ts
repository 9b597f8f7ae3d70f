import { z } from "zod";
import { checkRunSchema } from "./checks";
import { phaseInput, promptTypeSchema } from "./prompt";

const note = z.string().trim().min(1, { message: "Say what this release changes and why" }).max(2000);
const comment = z.string().trim().min(1).max(2000);

/** `POST /api/releases`: make `version` of the phase (or of the phase-less prompts) the production version. */
export const openReleaseSchema = z.strictObject({
  phase: phaseInput.nullable(),
  promptType: promptTypeSchema.optional(),
  version: z.number().int().min(1).max(2_147_483_647),
  note,
});
export const approveReleaseSchema = z.strictObject({
  comment: comment.optional(),
  overrideChecks: z.boolean().default(false),
});
export const rejectReleaseSchema = z.strictObject({ comment });
export const commentReleaseSchema = z.strictObject({ comment });

export const RELEASE_STATUSES = ["open", "approved", "rejected", "withdrawn", "released"] as const;
export const listReleasesQuery = z.object({
  phase: z.union([z.literal("none"), phaseInput]).optional(),
  status: z.enum(RELEASE_STATUSES).optional(),
  cursor: z.uuid().optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

const review = z.object({
  kind: z.enum(["approve", "reject", "withdraw", "comment", "release"]),
  actor: z.string().nullable(),
  comment: z.string().nullable(),
  overrideChecks: z.boolean(),
  at: z.string(),
});
export const releaseSchema = z.object({
  id: z.uuid(),
  phase: z.string().nullable(),
  promptType: z.string().nullable(),
  targetPromptId: z.uuid(),
  targetVersion: z.number().int(),
  /** What production served when the release was opened (null: nothing). */
  baseVersion: z.number().int().nullable(),
  note: z.string(),
  status: z.enum(RELEASE_STATUSES),
  requestedBy: z.string().nullable(),
  /** Whether the caller may release it now (approved, or the policy requires no approval). */
  releasable: z.boolean(),
  reviews: z.array(review),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type ReleaseDto = z.output<typeof releaseSchema>;
export const releasePageSchema = z.object({ items: z.array(releaseSchema), nextCursor: z.uuid().nullable() });
export type ReleasePage = z.output<typeof releasePageSchema>;

/** A version's assembled text for a sample, or why it could not be assembled. */
const renderingSchema = z.union([
  z.object({ text: z.string() }),
  z.object({ error: z.object({ code: z.enum(["missing_context", "invalid_template"]), message: z.string() }) }),
]);
/** For one sample: what production assembles now (null: no production version) and what the target would. */
export const sampleComparisonSchema = z.object({
  sampleId: z.uuid(),
  sampleName: z.string(),
  production: renderingSchema.nullable(),
  target: renderingSchema,
});
export type SampleComparison = z.output<typeof sampleComparisonSchema>;

/** One release with what a reviewer needs: the target's checks and, per sample, production vs. target. */
export const releaseDetailSchema = releaseSchema.extend({
  /** What production serves now (the release refuses to go out if it differs from `baseVersion`). */
  productionVersion: z.number().int().nullable(),
  checks: checkRunSchema,
  samples: z.array(sampleComparisonSchema),
});
export type ReleaseDetail = z.output<typeof releaseDetailSchema>;
