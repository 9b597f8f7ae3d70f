import "server-only";
import type { Db, Tx } from "../db/client";
import type { Prisma } from "../db/generated/client";
import { keysetPage } from "./keyset-page";

type Client = Db | Tx;
const WITH_REVIEWS = { reviews: { orderBy: { id: "asc" } } } as const;
export type ReleaseRow = Prisma.ReleaseGetPayload<{ include: typeof WITH_REVIEWS }>;

export function findRelease(client: Client, id: string): Promise<ReleaseRow | null> {
  return client.release.findUnique({ where: { id }, include: WITH_REVIEWS });
}

/** Locks the release row for the rest of the transaction (two approvers or releasers queue). */
export async function lockRelease(tx: Tx, id: string): Promise<void> {
  await tx.$executeRaw`SELECT 1 FROM releases WHERE id = ${id}::uuid FOR UPDATE`;
}

export function insertRelease(tx: Tx, data: Prisma.ReleaseUncheckedCreateInput): Promise<ReleaseRow> {
  return tx.release.create({ data, include: WITH_REVIEWS });
}

export function setStatus(tx: Tx, id: string, status: string) {
  return tx.release.update({ where: { id }, data: { status, updatedAt: new Date() } });
}

export function addReview(tx: Tx, data: Prisma.ReleaseReviewUncheckedCreateInput) {
  return tx.releaseReview.create({ data });
}

/** Open requests first, then newest first; `cursor` is the last id of the previous page. */
export async function listReleases(
  client: Client,
  q: { phase?: string | null; status?: string; cursor?: string; limit: number },
): Promise<{ items: ReleaseRow[]; nextCursor: string | null }> {
  const rows = await client.release.findMany({
    where: { ...(q.phase !== undefined ? { phase: q.phase } : {}), ...(q.status ? { status: q.status } : {}) },
    include: WITH_REVIEWS,
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: q.limit + 1,
    ...(q.cursor ? { cursor: { id: q.cursor }, skip: 1 } : {}),
  });
  return keysetPage(rows, q.limit);
}
