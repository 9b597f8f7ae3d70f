import "server-only";
import type { PrismaClient } from "../db/generated/client";

export type ChangeEventType = "prompt.changed" | "action.changed";

export interface ChangeEventRow {
  id: bigint;
  type: ChangeEventType;
  data: Record<string, unknown>;
}

export type Replay = { kind: "events"; events: ChangeEventRow[]; cursor: bigint } | { kind: "resync"; cursor: bigint };

// The advisory lock every event writer holds until commit (pm_events_lock() in migration
// 20261129190000_change_events); taken shared here, it waits for in-flight writers, so the cursor
// read below is an id that has committed, not one a transaction holds but may yet roll back.
const EVENTS_LOCK = 7262340001n;

/**
 * What a reader who last saw `after` missed (null: a new reader, who misses nothing), and the id to
 * continue from. When the bounded history no longer reaches back to `after` (or `after` is an id this
 * database never gave), the answer is `resync`: drop everything cached and start over.
 */
export function replaySince(client: PrismaClient, after: bigint | null): Promise<Replay> {
  return client.$transaction(
    async (tx) => {
      await tx.$queryRaw`SELECT pg_advisory_xact_lock_shared(${EVENTS_LOCK})::text`;
      const [seq] = await tx.$queryRaw<{ last: bigint }[]>`
      SELECT CASE WHEN is_called THEN last_value ELSE 0 END AS last FROM "change_events_id_seq"`;
      const cursor = BigInt(seq?.last ?? 0);
      if (after === null || after === cursor) return { kind: "events", events: [], cursor };
      if (after > cursor) return { kind: "resync", cursor };
      const [oldest] = await tx.$queryRaw<{ min: bigint | null }[]>`SELECT min("id") AS min FROM "change_events"`;
      // A gap before the oldest kept event may be a rolled-back id rather than a pruned one; a resync is
      // then one needless cache flush, never a missed change.
      if (oldest?.min == null || oldest.min > after + 1n) return { kind: "resync", cursor };
      const rows = await tx.changeEvent.findMany({ where: { id: { gt: after } }, orderBy: { id: "asc" } });
      const events = rows.map((r) => ({
        id: r.id,
        type: r.type as ChangeEventType,
        data: r.data as Record<string, unknown>,
      }));
      return { kind: "events", events, cursor };
    },
    { maxWait: 5_000, timeout: 15_000 },
  ); // the shared lock waits for a writer in flight, e.g. an import
}
