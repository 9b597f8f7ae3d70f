import "server-only";
import { z } from "zod";
import { releasePolicyInputSchema, releasePolicySchema } from "@/lib/domain/schemas/release-policy";
import { phaseInput } from "@/lib/domain/schemas/prompt";
import { clearStagingQuery, setStagingSchema, stagingSchema } from "@/lib/domain/schemas/staging";
import {
  approveReleaseSchema,
  commentReleaseSchema,
  listReleasesQuery,
  openReleaseSchema,
  rejectReleaseSchema,
  releaseDetailSchema,
  releasePageSchema,
  releaseSchema,
} from "@/lib/domain/schemas/release";
import { checkRunSchema, runChecksSchema } from "@/lib/domain/schemas/checks";
import type { ApiOperation } from "./operations";

const json = (schema: z.ZodType) => ({ "application/json": schema });
const releaseId = { id: { description: "The release's id (UUID)", schema: z.string() } };
const scopePhase = {
  phase: {
    description: 'Stored value or enum name, any case; "none" for the prompts without a phase',
    schema: z.union([z.literal("none"), phaseInput]),
  },
};

/** #9: the release policy, the staging channel and releases (review before production). */
export const RELEASE_OPERATIONS: ApiOperation[] = [
  {
    method: "get",
    path: "/api/settings/release-policy",
    operationId: "getReleasePolicy",
    tag: "Releases",
    summary: "How many approvals a change of production needs (0 or 1)",
    errors: [503],
    responses: { 200: { description: "The policy", content: json(releasePolicySchema) } },
  },
  {
    method: "put",
    path: "/api/settings/release-policy",
    operationId: "setReleasePolicy",
    tag: "Releases",
    summary: "Set the release policy (admins; audited)",
    description:
      "`requiredApprovals: 1` (the default): every change of what production serves goes through an approved release. `0`: saving with `isActive: true`, PATCH and rollback serve at once, and a requester may release right after opening.",
    body: releasePolicyInputSchema,
    errors: [400, 503],
    responses: { 200: { description: "The new policy", content: json(releasePolicySchema) } },
  },

  {
    method: "put",
    path: "/api/phases/{phase}/staging",
    operationId: "setStaging",
    tag: "Releases",
    summary: "Point the staging channel at any version (designers, no review; audited)",
    description:
      'A resolve with `"channel": "staging"` then serves this version (active or not). For prompts without a phase use `none`: the version names its type.',
    pathParams: scopePhase,
    body: setStagingSchema,
    errors: [400, 404, 503],
    responses: { 200: { description: "The staging channel", content: json(stagingSchema) } },
  },
  {
    method: "delete",
    path: "/api/phases/{phase}/staging",
    operationId: "clearStaging",
    tag: "Releases",
    summary: "Clear the staging channel: staging resolves serve production again",
    pathParams: scopePhase,
    query: clearStagingQuery,
    errors: [400, 503],
    responses: { 200: { description: "The staging channel (version null)", content: json(stagingSchema) } },
  },

  {
    method: "get",
    path: "/api/releases",
    operationId: "listReleases",
    tag: "Releases",
    summary: "List releases, newest first, by phase and status",
    query: listReleasesQuery,
    errors: [400, 503],
    responses: { 200: { description: "One page of releases", content: json(releasePageSchema) } },
  },
  {
    method: "post",
    path: "/api/releases",
    operationId: "openRelease",
    tag: "Releases",
    summary: "Request a release: make a version the production version of its phase",
    description:
      "Answers with the target's check results and, for every sample context of the phase, the text production assembles now next to the text the target would.",
    body: openReleaseSchema,
    errors: [400, 404, 409, 503],
    responses: { 201: { description: "The open release", content: json(releaseDetailSchema) } },
  },
  {
    method: "get",
    path: "/api/releases/{id}",
    operationId: "getRelease",
    tag: "Releases",
    summary: "One release with its reviews, comments, checks and per-sample comparison",
    pathParams: releaseId,
    errors: [404, 503],
    responses: { 200: { description: "The release", content: json(releaseDetailSchema) } },
  },
  {
    method: "post",
    path: "/api/prompts/{id}/checks",
    operationId: "runChecks",
    tag: "Releases",
    summary: "Check a version with every sample context of its phase",
    description:
      "Renders the version through the resolve engine with each saved sample context of its phase and checks the sample's expectations (`contains`, `notContains`, `maxChars`). A sample fails with `missing_context` (the keys), `invalid_template`, or the expectation not met (with the text found). `draft` checks unsaved content started from this version. Writes nothing. Approving a release re-runs these checks: failing ones answer 409 `checks_failed` unless an admin approves with `overrideChecks: true` and a comment.",
    pathParams: { id: { description: "The version's id (UUID)", schema: z.string() } },
    body: runChecksSchema,
    errors: [400, 404, 503],
    responses: { 200: { description: "The check results, one per sample", content: json(checkRunSchema) } },
  },
  reviewOp(
    "approve",
    "approveRelease",
    "Approve (a designer or admin other than the requester; failing checks answer 409 checks_failed unless an admin overrides with a comment)",
    [400, 404, 409],
    approveReleaseSchema,
  ),
  reviewOp("reject", "rejectRelease", "Reject with a comment", [400, 404, 409], rejectReleaseSchema),
  reviewOp("withdraw", "withdrawRelease", "Withdraw (the requester only)", [404, 409]),
  reviewOp(
    "release",
    "performRelease",
    "Release: make the target the production version in one transaction (409 if production changed since opening)",
    [404, 409],
  ),
  reviewOp("comments", "commentOnRelease", "Comment (anyone who may read prompts)", [400, 404], commentReleaseSchema),
];

function reviewOp(
  segment: string,
  operationId: string,
  summary: string,
  errors: number[],
  body?: z.ZodType,
): ApiOperation {
  return {
    method: "post",
    path: `/api/releases/{id}/${segment}`,
    operationId,
    tag: "Releases",
    summary,
    pathParams: releaseId,
    ...(body ? { body } : {}),
    errors: [...errors, 503],
    responses: { 200: { description: "The release", content: json(releaseSchema) } },
  };
}
