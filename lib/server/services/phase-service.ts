import "server-only";
import { narrowPromptType } from "@/lib/domain/catalog/narrow";
import type { VersionSummary } from "@/lib/domain/schemas/views";
import type { Phase } from "@/lib/domain/catalog";
import { AppError } from "@/lib/domain/errors";
import type { Caller } from "../auth/actor";
import { authorize } from "../auth/authorize";
import { db } from "../db/client";
import * as prompts from "../repositories/prompt-repository";
import type { PromptResponse } from "@/lib/domain/schemas/responses";
import { toPromptDto } from "./prompt-dto";

/** The editor shows this many versions; older ones are in the versions table (filtered by phase). */
export const VERSION_LIST_LIMIT = 200;

export async function listPhaseVersions(caller: Caller, phase: Phase | null): Promise<VersionSummary[]> {
  authorize(caller, "prompts:read");
  const rows = await prompts.listVersionSummaries(db(), phase, VERSION_LIST_LIMIT);
  return rows.map((r) => ({
    id: r.id,
    version: r.version,
    name: r.name,
    promptType: narrowPromptType(r.promptType),
    isActive: r.isActive,
    createdAt: r.createdAt.toISOString(),
  }));
}

/** One version of a phase; 404 `version_not_found` when the phase has no such version. */
export async function getPhaseVersion(caller: Caller, phase: Phase | null, version: number): Promise<PromptResponse> {
  authorize(caller, "prompts:read");
  const row =
    Number.isSafeInteger(version) && version >= 1 ? await prompts.findByPhaseVersion(db(), phase, version) : null;
  if (!row)
    throw new AppError(
      "version_not_found",
      `Version ${version} of ${phase ?? "the prompts without a phase"} does not exist`,
      { phase, version },
    );
  return toPromptDto(row);
}

/** The version the editor starts from: the phase's highest, active or not; null for a phase without any. */
export async function getLatestVersion(caller: Caller, phase: Phase | null): Promise<PromptResponse | null> {
  authorize(caller, "prompts:read");
  const row = await prompts.findLatest(db(), phase);
  return row ? toPromptDto(row) : null;
}
