import "server-only";
import type { Db, Tx } from "../db/client";
import type { ApiKey } from "../db/generated/client";

export type ApiKeyRow = ApiKey;
type Client = Db | Tx;

export function findKeyByHash(client: Client, keyHash: string): Promise<ApiKeyRow | null> {
  return client.apiKey.findUnique({ where: { keyHash } });
}

export function findKeyById(client: Client, id: string): Promise<ApiKeyRow | null> {
  return client.apiKey.findUnique({ where: { id } });
}

/** Reads a key and locks its row until the transaction ends (concurrent revokes queue: one event). */
export async function findKeyByIdForUpdate(tx: Tx, id: string): Promise<ApiKeyRow | null> {
  await tx.$executeRaw`SELECT 1 FROM api_keys WHERE id = ${id}::uuid FOR UPDATE`;
  return tx.apiKey.findUnique({ where: { id } });
}

export function listKeys(client: Client): Promise<ApiKeyRow[]> {
  return client.apiKey.findMany({ orderBy: { createdAt: "desc" } });
}

export function insertKey(
  tx: Tx,
  data: {
    name: string;
    prefix: string;
    keyHash: string;
    scopes: string[];
    expiresAt: Date | null;
    createdBy: string | null;
  },
): Promise<ApiKeyRow> {
  return tx.apiKey.create({ data });
}

export function revokeKey(tx: Tx, id: string, at: Date): Promise<ApiKeyRow> {
  return tx.apiKey.update({ where: { id }, data: { revokedAt: at } });
}

/** Records use at most once a minute per key: one cheap conditional UPDATE, no write on most requests. */
export async function touchLastUsed(client: Client, id: string, now: Date): Promise<void> {
  await client.apiKey.updateMany({
    where: { id, OR: [{ lastUsedAt: null }, { lastUsedAt: { lt: new Date(now.getTime() - 60_000) } }] },
    data: { lastUsedAt: now },
  });
}
