import "server-only";
import { AppError } from "@/lib/domain/errors";
import { isUuid } from "@/lib/domain/ids";
import {
  approveReleaseSchema,
  commentReleaseSchema,
  rejectReleaseSchema,
  type ReleaseDto,
} from "@/lib/domain/schemas/release";
import type { Caller } from "../auth/actor";
import { authorize } from "../auth/authorize";
import type { Tx } from "../db/client";
import { inTransaction } from "../db/errors";
import * as prompts from "../repositories/prompt-repository";
import * as releases from "../repositories/release-repository";
import type { ReleaseRow } from "../repositories/release-repository";
import { actorLabel, recordAudit } from "./audit";
import { parseInput } from "./parse-input";
import { currentProduction, lockScope, makeProduction, productionView } from "./production-change";
import { approvalsRequired } from "./release-policy-service";
import { checkVersion } from "./check-service";
import { actorId, releaseScope, toReleaseDto } from "./release-service";

type Kind = "approve" | "reject" | "withdraw" | "comment" | "release";

/** Loads and locks a release, runs `step`, records the review and its audit event, answers the new state. */
async function review(
  caller: Caller,
  id: string,
  kind: Kind,
  step: (
    tx: Tx,
    row: ReleaseRow,
  ) => Promise<{ status?: string; comment?: string | null; override?: boolean; audit?: object }>,
): Promise<ReleaseDto> {
  if (!isUuid(id)) throw new AppError("not_found", `No release with id ${id}`);
  return inTransaction(async (tx) => {
    const found = await releases.findRelease(tx, id);
    if (!found) throw new AppError("not_found", `No release with id ${id}`);
    await lockScope(tx, releaseScope(found));
    await releases.lockRelease(tx, id);
    const row = (await releases.findRelease(tx, id))!;
    const result = await step(tx, row);
    if (result.status) await releases.setStatus(tx, id, result.status);
    await releases.addReview(tx, {
      releaseId: id,
      kind,
      actorId: actorId(caller),
      actorLabel: actorLabel(caller),
      comment: result.comment ?? null,
      overrideChecks: result.override ?? false,
    });
    await recordAudit(tx, caller, {
      action: `release.${kind}` as const,
      targetType: "release",
      targetId: id,
      before: { status: row.status },
      after: {
        phase: row.phase,
        promptType: row.promptType,
        version: row.targetVersion,
        status: result.status ?? row.status,
        comment: result.comment ?? null,
        ...result.audit,
      },
    });
    return toReleaseDto((await releases.findRelease(tx, id))!, await approvalsRequired(tx));
  });
}

function mustBe(row: ReleaseRow, ...statuses: string[]): void {
  if (!statuses.includes(row.status))
    throw new AppError("conflict", `This release is ${row.status}`, { status: row.status });
}

/** A designer or admin other than the requester approves. */
export function approveRelease(caller: Caller, id: string, input: unknown): Promise<ReleaseDto> {
  authorize(caller, "prompts:write");
  const a = caller.actor;
  if (a.kind !== "user" || (a.role !== "designer" && a.role !== "admin"))
    throw new AppError("forbidden", "Only a designer or an admin may approve a release");
  const { comment, overrideChecks } = parseInput(approveReleaseSchema, input);
  if (overrideChecks && (a.role !== "admin" || !comment))
    throw new AppError("forbidden", "Only an admin may override failing checks, with a comment saying why");
  return review(caller, id, "approve", async (tx, row) => {
    mustBe(row, "open");
    if (row.requestedById === actorId(caller))
      throw new AppError("forbidden", "You requested this release: someone else must approve it");
    const target = await prompts.findById(tx, row.targetPromptId);
    if (!target) throw new AppError("not_found", "The release's version no longer exists");
    // The same checks the release page shows, run now: a sample added since the opening counts.
    const checks = await checkVersion(target);
    const failing = checks.results.filter((r) => !r.passed);
    if (failing.length > 0 && !overrideChecks)
      throw new AppError(
        "checks_failed",
        `${failing.length} of ${checks.results.length} sample checks fail for v${target.version}: fix the version, or an admin approves with overrideChecks and a comment`,
        { failing },
      );
    return {
      status: "approved",
      comment: comment ?? null,
      override: failing.length > 0,
      audit: { checksPassed: failing.length === 0, failingSamples: failing.map((f) => f.sampleName) },
    };
  });
}

export function rejectRelease(caller: Caller, id: string, input: unknown): Promise<ReleaseDto> {
  authorize(caller, "prompts:write");
  const { comment } = parseInput(rejectReleaseSchema, input);
  return review(caller, id, "reject", async (_tx, row) => {
    mustBe(row, "open", "approved");
    return { status: "rejected", comment };
  });
}

/** Only the requester withdraws their request. */
export function withdrawRelease(caller: Caller, id: string): Promise<ReleaseDto> {
  authorize(caller, "prompts:write");
  return review(caller, id, "withdraw", async (_tx, row) => {
    mustBe(row, "open", "approved");
    if (row.requestedById !== actorId(caller))
      throw new AppError("forbidden", "Only the requester may withdraw a release; reject it instead");
    return { status: "withdrawn" };
  });
}

/** Anyone who may read prompts (viewers included) may comment. */
export function commentOnRelease(caller: Caller, id: string, input: unknown): Promise<ReleaseDto> {
  authorize(caller, "prompts:read");
  const { comment } = parseInput(commentReleaseSchema, input);
  return review(caller, id, "comment", async () => ({ comment }));
}

/**
 * Makes the target the production version in one transaction (activate it, deactivate active versions
 * above it), if it is approved (or the policy requires no approval) and production has not changed
 * since the release was opened (409 `conflict` then: open a new one to re-check).
 */
export function performRelease(caller: Caller, id: string): Promise<ReleaseDto> {
  authorize(caller, "prompts:write");
  return review(caller, id, "release", async (tx, row) => {
    const required = await approvalsRequired(tx);
    mustBe(row, ...(required ? ["approved"] : ["open", "approved"]));
    const current = await currentProduction(tx, releaseScope(row));
    if ((current?.version ?? null) !== row.baseVersion)
      throw new AppError(
        "conflict",
        `Production changed since this release was opened (v${row.baseVersion ?? "none"} then, v${current?.version ?? "none"} now): open a new release to re-check`,
        { baseVersion: row.baseVersion, productionVersion: current?.version ?? null },
      );
    const target = await prompts.findById(tx, row.targetPromptId);
    if (!target) throw new AppError("not_found", "The release's version no longer exists");
    const change = await makeProduction(tx, target);
    const approvedBy = row.reviews.filter((r) => r.kind === "approve").map((r) => r.actorLabel);
    return {
      status: "released",
      audit: { note: row.note, requestedBy: row.requestedByLabel, approvedBy, ...productionView(change) },
    };
  });
}
