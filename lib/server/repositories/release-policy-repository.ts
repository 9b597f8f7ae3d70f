import "server-only";
import type { Db, Tx } from "../db/client";

// The migration inserts the single row; upserting keeps a hand-emptied table working too.
export async function readPolicy(client: Db | Tx): Promise<{ requiredApprovals: number; updatedAt: Date }> {
  const row = await client.releasePolicy.findUnique({ where: { id: true } });
  return row ?? { requiredApprovals: 1, updatedAt: new Date(0) };
}

export function writePolicy(tx: Tx, requiredApprovals: number) {
  return tx.releasePolicy.upsert({
    where: { id: true },
    create: { id: true, requiredApprovals },
    update: { requiredApprovals, updatedAt: new Date() },
  });
}
