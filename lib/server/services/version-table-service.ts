import "server-only";
import { versionTableQuery, type VersionTableQuery } from "@/lib/domain/schemas/version-table";
import type { Caller } from "../auth/actor";
import { authorize } from "../auth/authorize";
import { db } from "../db/client";
import { withDbErrors } from "../db/errors";
import { searchVersions } from "../repositories/version-table-repository";

export interface VersionTableItem {
  id: string;
  phase: string | null;
  version: number;
  name: string | null;
  description: string | null;
  promptType: string;
  isActive: boolean;
  requiredContextKeys: string[];
  allowedActions: string[];
  createdAt: string;
  updatedAt: string;
}

/** `capped`: more than `total` versions match the search (counting them all would read every body). */
export interface VersionTablePage {
  query: VersionTableQuery;
  items: VersionTableItem[];
  total: number;
  capped: boolean;
  pageCount: number;
}

/** One page of the versions table; the query comes straight from the URL and never fails to parse. */
export async function versionTablePage(caller: Caller, searchParams: unknown): Promise<VersionTablePage> {
  authorize(caller, "prompts:read");
  const query = versionTableQuery.parse(searchParams ?? {});
  const { rows, total, capped } = await withDbErrors(() => searchVersions(db(), query));
  return {
    query,
    total,
    capped,
    pageCount: Math.max(1, Math.ceil(total / query.size)),
    items: rows.map((r) => ({
      id: r.id,
      phase: r.coachingPhase,
      version: r.version,
      name: r.name,
      description: r.description,
      promptType: r.promptType,
      isActive: r.isActive,
      requiredContextKeys: r.requiredContextKeys,
      allowedActions: r.allowedActions,
      createdAt: r.createdAt.toISOString(),
      updatedAt: r.updatedAt.toISOString(),
    })),
  };
}
