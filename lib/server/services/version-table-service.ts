import "server-only";
import { narrowActionType, narrowContextKey, narrowNullablePhase, narrowPromptType } from "@/lib/domain/catalog/narrow";
import type { VersionTablePage } from "@/lib/domain/schemas/views";
import { versionTableQuery } from "@/lib/domain/schemas/version-table";
import type { Caller } from "../auth/actor";
import { authorize } from "../auth/authorize";
import { db } from "../db/client";
import { searchVersions } from "../repositories/version-table-repository";

/** One page of the versions table; the query comes straight from the URL and never fails to parse. */
export async function versionTablePage(caller: Caller, searchParams: unknown): Promise<VersionTablePage> {
  authorize(caller, "prompts:read");
  const query = versionTableQuery.parse(searchParams ?? {});
  const { rows, total, capped } = await searchVersions(db(), query);
  return {
    query,
    total,
    capped,
    pageCount: Math.max(1, Math.ceil(total / query.size)),
    items: rows.map((r) => ({
      id: r.id,
      phase: narrowNullablePhase(r.coachingPhase),
      version: r.version,
      name: r.name,
      description: r.description,
      promptType: narrowPromptType(r.promptType),
      isActive: r.isActive,
      requiredContextKeys: r.requiredContextKeys.map(narrowContextKey),
      allowedActions: r.allowedActions.map(narrowActionType),
      createdAt: r.createdAt.toISOString(),
      updatedAt: r.updatedAt.toISOString(),
    })),
  };
}
