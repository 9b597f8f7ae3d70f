import "server-only";
import type { VersionTableQuery } from "@/lib/domain/schemas/version-table";
import type { Prisma } from "../db/generated/client";
import type { Db, Tx } from "../db/client";

export type VersionTableRow = Prisma.PromptGetPayload<{ select: typeof COLUMNS }>;

// Everything but the body: a page of 100 versions must not drag 100 bodies of up to 200 KB along.
const COLUMNS = {
  id: true, coachingPhase: true, version: true, name: true, description: true, promptType: true, isActive: true,
  requiredContextKeys: true, allowedActions: true, createdAt: true, updatedAt: true,
} as const;

/**
 * One page of the versions table plus the total. Search is ILIKE over name, description and body, which
 * the trigram GIN indexes answer without scanning bodies; the id tie-breaker keeps pages stable.
 */
export async function searchVersions(client: Db | Tx, q: VersionTableQuery): Promise<{ rows: VersionTableRow[]; total: number }> {
  const text = q.q?.trim();
  const where: Prisma.PromptWhereInput = {
    ...(q.phase !== undefined ? { coachingPhase: q.phase === "none" ? null : q.phase } : {}),
    ...(q.type ? { promptType: q.type } : {}),
    ...(q.active !== undefined ? { isActive: q.active === "true" } : {}),
    ...(text
      ? { OR: (["name", "description", "body"] as const).map((f) => ({ [f]: { contains: text, mode: "insensitive" as const } })) }
      : {}),
  };
  const [rows, total] = await Promise.all([
    client.prompt.findMany({ where, select: COLUMNS, orderBy: orderBy(q), skip: (q.page - 1) * q.size, take: q.size }),
    client.prompt.count({ where }),
  ]);
  return { rows, total };
}

function orderBy(q: VersionTableQuery): Prisma.PromptOrderByWithRelationInput[] {
  const dir = q.dir;
  const tieBreak: Prisma.PromptOrderByWithRelationInput[] = [{ createdAt: "desc" }, { id: "desc" }];
  switch (q.sort) {
    case "phase": return [{ coachingPhase: { sort: dir, nulls: "last" } }, { version: "desc" }, { id: "desc" }];
    case "version": return [{ version: dir }, { coachingPhase: { sort: "asc", nulls: "last" } }, { id: "desc" }];
    case "name": return [{ name: { sort: dir, nulls: "last" } }, ...tieBreak];
    case "promptType": return [{ promptType: dir }, ...tieBreak];
    case "isActive": return [{ isActive: dir }, ...tieBreak];
    case "createdAt": return [{ createdAt: dir }, { id: dir }];
  }
}
