import "server-only";
import type { VersionTableQuery } from "@/lib/domain/schemas/version-table";
import { Prisma } from "../db/generated/client";
import type { Db, Tx } from "../db/client";
import { escapeLike } from "./like-pattern";

export type VersionTableRow = Prisma.PromptGetPayload<{ select: typeof COLUMNS }>;

// Everything but the body: a page of 100 versions must not drag 100 bodies of up to 200 KB along.
const COLUMNS = {
  id: true,
  coachingPhase: true,
  version: true,
  name: true,
  description: true,
  promptType: true,
  isActive: true,
  requiredContextKeys: true,
  allowedActions: true,
  createdAt: true,
  updatedAt: true,
} as const;

/** Counting every match of a common word means reading every body; past this many we say "1,000+". */
export const SEARCH_COUNT_CAP = 1000;

/**
 * One page of the versions table plus the total (capped at SEARCH_COUNT_CAP when searching text).
 * Search is ILIKE over name, description and body, answered by the trigram GIN indexes; the id
 * tie-breaker keeps pages stable.
 */
export async function searchVersions(
  client: Db,
  q: VersionTableQuery,
): Promise<{ rows: VersionTableRow[]; total: number; capped: boolean }> {
  const text = q.q?.trim() ? escapeLike(q.q.trim()) : undefined;
  const phase = q.phase === undefined ? undefined : q.phase === "none" ? null : q.phase;
  const active = q.active === undefined ? undefined : q.active === "true";
  const where: Prisma.PromptWhereInput = {
    ...(phase !== undefined ? { coachingPhase: phase } : {}),
    ...(q.type ? { promptType: q.type } : {}),
    ...(active !== undefined ? { isActive: active } : {}),
    ...(text
      ? {
          OR: (["name", "description", "body"] as const).map((f) => ({
            [f]: { contains: text, mode: "insensitive" as const },
          })),
        }
      : {}),
  };
  const page = (c: Db | Tx) =>
    c.prompt.findMany({ where, select: COLUMNS, orderBy: orderBy(q), skip: (q.page - 1) * q.size, take: q.size });
  if (!text) {
    const [rows, total] = await Promise.all([page(client), client.prompt.count({ where })]);
    return { rows, total, capped: false };
  }
  // Bodies live out of line (TOAST), so the planner thinks reading rows is cheap, but each one costs a
  // decompression and a full-body ILIKE (200-300 ms at 10,000 versions). So: count through the trigram
  // indexes first, never by scanning (raw SQL: Prisma's capped count adds an ORDER BY id that walks the
  // primary key); with few matches fetch the page the same way (bitmap scan, then sort the few); with
  // many, walk the sort order's index, which meets a page of matches quickly. Trigrams need 3 characters.
  const filters = [
    phase === undefined
      ? null
      : phase === null
        ? Prisma.sql`coaching_phase IS NULL`
        : Prisma.sql`coaching_phase = ${phase}`,
    q.type ? Prisma.sql`prompt_type = ${q.type}` : null,
    active === undefined ? null : Prisma.sql`is_active = ${active}`,
    Prisma.sql`(name ILIKE ${`%${text}%`} OR description ILIKE ${`%${text}%`} OR body ILIKE ${`%${text}%`})`,
  ].filter((f): f is Prisma.Sql => f !== null);
  return client.$transaction(async (tx) => {
    const indexed = text.length >= 3;
    if (indexed) await tx.$executeRaw`SET LOCAL enable_seqscan = off`;
    const [{ n }] = await tx.$queryRaw<[{ n: number }]>`
      SELECT count(*)::int AS n FROM (SELECT 1 FROM prompts WHERE ${Prisma.join(filters, " AND ")} LIMIT ${SEARCH_COUNT_CAP + 1}) matches`;
    const capped = n > SEARCH_COUNT_CAP;
    if (indexed && !capped) await tx.$executeRaw`SET LOCAL enable_indexscan = off`;
    return { rows: await page(tx), total: Math.min(n, SEARCH_COUNT_CAP), capped };
  });
}

function orderBy(q: VersionTableQuery): Prisma.PromptOrderByWithRelationInput[] {
  const dir = q.dir;
  const tieBreak: Prisma.PromptOrderByWithRelationInput[] = [{ createdAt: "desc" }, { id: "desc" }];
  switch (q.sort) {
    case "phase":
      return [{ coachingPhase: { sort: dir, nulls: "last" } }, { version: "desc" }, { id: "desc" }];
    case "version":
      return [{ version: dir }, { coachingPhase: { sort: "asc", nulls: "last" } }, { id: "desc" }];
    case "name":
      return [{ name: { sort: dir, nulls: "last" } }, ...tieBreak];
    case "promptType":
      return [{ promptType: dir }, ...tieBreak];
    case "isActive":
      return [{ isActive: dir }, ...tieBreak];
    case "createdAt":
      return [{ createdAt: dir }, { id: dir }];
  }
}
