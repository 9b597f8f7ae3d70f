import "server-only";
import type { PromptType } from "@/lib/domain/catalog";
import { AppError } from "@/lib/domain/errors";
import { isUuid } from "@/lib/domain/ids";
import {
  listReleasesQuery,
  openReleaseSchema,
  type ReleaseDetail,
  type ReleaseDto,
  type ReleasePage,
} from "@/lib/domain/schemas/release";
import type { Caller } from "../auth/actor";
import { authorize } from "../auth/authorize";
import { db } from "../db/client";
import { inTransaction } from "../db/errors";
import * as prompts from "../repositories/prompt-repository";
import * as releases from "../repositories/release-repository";
import type { ReleaseRow } from "../repositories/release-repository";
import { actorLabel, recordAudit } from "./audit";
import { parseInput } from "./parse-input";
import { currentProduction, lockScope, type ProductionScope } from "./production-change";
import { releaseDetail } from "./release-detail";
import { approvalsRequired } from "./release-policy-service";

/** The id a review compares to tell the requester from a reviewer (a person's or a key's). */
export function actorId(caller: Caller): string | null {
  const a = caller.actor;
  return a.kind === "user" || a.kind === "api_key" ? `${a.kind}:${a.id}` : null;
}

export function releaseScope(row: Pick<ReleaseRow, "phase" | "promptType">): ProductionScope {
  return { phase: row.phase as ProductionScope["phase"], promptType: row.promptType as PromptType | null };
}

export function toReleaseDto(row: ReleaseRow, policyRequiresApproval: boolean): ReleaseDto {
  return {
    id: row.id,
    phase: row.phase,
    promptType: row.promptType,
    targetPromptId: row.targetPromptId,
    targetVersion: row.targetVersion,
    baseVersion: row.baseVersion,
    note: row.note,
    status: row.status as ReleaseDto["status"],
    requestedBy: row.requestedByLabel,
    releasable: row.status === "approved" || (row.status === "open" && !policyRequiresApproval),
    reviews: row.reviews.map((r) => ({
      kind: r.kind as ReleaseDto["reviews"][number]["kind"],
      actor: r.actorLabel,
      comment: r.comment,
      overrideChecks: r.overrideChecks,
      at: r.createdAt.toISOString(),
    })),
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

/**
 * Opens a release: make `version` the production version of its phase (or phase-less type). Answers
 * with the checks and per-sample comparison a reviewer needs.
 */
export async function openRelease(caller: Caller, input: unknown): Promise<ReleaseDetail> {
  authorize(caller, "prompts:write");
  const data = parseInput(openReleaseSchema, input);
  const dto = await inTransaction(async (tx) => {
    const target = await prompts.findByPhaseVersion(tx, data.phase, data.version);
    if (!target || (data.promptType && target.promptType !== data.promptType))
      throw new AppError(
        "version_not_found",
        `${data.phase ?? "The prompts without a phase"} have no version ${data.version}`,
        {
          phase: data.phase,
          version: data.version,
        },
      );
    const scope: ProductionScope = {
      phase: data.phase,
      promptType: data.phase ? null : (target.promptType as PromptType),
    };
    await lockScope(tx, scope);
    const base = await currentProduction(tx, scope);
    if (base?.id === target.id)
      throw new AppError("conflict", `v${target.version} is already the production version`, {
        version: target.version,
      });
    const row = await releases.insertRelease(tx, {
      ...scope,
      targetPromptId: target.id,
      targetVersion: target.version,
      baseVersion: base?.version ?? null,
      note: data.note,
      requestedById: actorId(caller),
      requestedByLabel: actorLabel(caller),
    });
    await recordAudit(tx, caller, {
      action: "release.open",
      targetType: "release",
      targetId: row.id,
      after: {
        phase: scope.phase,
        promptType: scope.promptType,
        version: target.version,
        productionVersion: base?.version ?? null,
        note: data.note,
      },
    });
    return toReleaseDto(row, await approvalsRequired(tx));
  });
  return releaseDetail(dto, releaseScope(dto));
}

export async function getRelease(caller: Caller, id: string): Promise<ReleaseDetail> {
  authorize(caller, "prompts:read");
  const row = isUuid(id) ? await releases.findRelease(db(), id) : null;
  const required = await approvalsRequired(db());
  if (!row) throw new AppError("not_found", `No release with id ${id}`);
  return releaseDetail(toReleaseDto(row, required), releaseScope(row));
}

export async function listReleases(caller: Caller, query: unknown): Promise<ReleasePage> {
  authorize(caller, "prompts:read");
  const q = parseInput(listReleasesQuery, query);
  const phase = q.phase === undefined ? undefined : q.phase === "none" ? null : q.phase;
  const page = await releases.listReleases(db(), { ...q, phase });
  const required = await approvalsRequired(db());
  return { items: page.items.map((r) => toReleaseDto(r, required)), nextCursor: page.nextCursor };
}
