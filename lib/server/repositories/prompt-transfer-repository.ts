import "server-only";
import type { ExistingPrompt } from "@/lib/domain/prompt-files";
import type { ExportQuery, PromptRecord } from "@/lib/domain/schemas/prompt-files";
import type { Db, Tx } from "../db/client";

/**
 * Bulk reads and inserts for import and export. Raw SQL on purpose: timestamps travel as text so
 * their microseconds survive (a JS Date keeps milliseconds), and one statement per batch keeps a
 * 10,000-row import within seconds.
 */
type Client = Db | Tx;

/** Stored versions sharing an id or a phase+version with the given rows (hash joins, not a scan per key). */
export function findMatching(
  client: Client,
  keys: readonly { id: string; coachingPhase: string | null; version: number }[],
): Promise<ExistingPrompt[]> {
  if (keys.length === 0) return Promise.resolve([]);
  const ids = keys.map((k) => k.id);
  // "" never is a phase value (CHECK constraint), so it can stand in for NULL in the join key.
  const phases = keys.map((k) => k.coachingPhase ?? "");
  const versions = keys.map((k) => k.version);
  return client.$queryRaw<ExistingPrompt[]>`
    SELECT p.id::text AS "id", p.coaching_phase AS "coachingPhase", p.version, p.body,
           p.required_context_keys::text[] AS "requiredContextKeys", p.allowed_actions::text[] AS "allowedActions",
           p.prompt_type AS "promptType", p.name, p.description, p.is_active AS "isActive"
    FROM prompts p
    WHERE p.id IN (SELECT unnest(${ids}::uuid[]))
       OR (coalesce(p.coaching_phase, ''), p.version) IN (SELECT * FROM unnest(${phases}::text[], ${versions}::int[]))`;
}

/** Inserts the rows as they are (ids, versions, flags, both timestamps), in batches of bounded size. */
export async function insertRecords(
  tx: Tx,
  records: readonly PromptRecord[],
  onBatch?: (inserted: number) => void,
): Promise<void> {
  // Small batches on purpose: @prisma/debug keeps the arguments of its last 100 calls, query
  // parameters included, so each batch's JSON stays referenced after the import. At ~250k characters
  // a batch that is at most a few dozen MB; at 4 MB per batch a 10,000-row import kept ~300 MB.
  // Measured cost of the smaller batches: well under a second on 10,000 rows.
  const MAX_ROWS = 500;
  const MAX_CHARS = 250_000;
  let start = 0;
  while (start < records.length) {
    let end = start;
    let chars = 0;
    while (end < records.length && end - start < MAX_ROWS && (chars < MAX_CHARS || end === start)) {
      chars += records[end]!.body.length + (records[end]!.description?.length ?? 0);
      end++;
    }
    await insertBatch(tx, records.slice(start, end));
    start = end;
    onBatch?.(start);
  }
}

async function insertBatch(tx: Tx, batch: readonly PromptRecord[]): Promise<void> {
  const rows = JSON.stringify(
    batch.map((r) => ({
      id: r.id,
      coaching_phase: r.coachingPhase,
      version: r.version,
      name: r.name,
      description: r.description,
      body: r.body,
      required_context_keys: r.requiredContextKeys,
      allowed_actions: r.allowedActions,
      prompt_type: r.promptType,
      is_active: r.isActive,
      created_at: r.createdAt,
      updated_at: r.updatedAt,
    })),
  );
  // updated_at is kept too: the table's trigger only sets it on UPDATE.
  await tx.$executeRaw`
    INSERT INTO prompts (id, coaching_phase, version, name, description, body, required_context_keys, allowed_actions,
                         prompt_type, is_active, created_at, updated_at)
    SELECT id, coaching_phase, version, name, description, body, required_context_keys, allowed_actions,
           prompt_type, is_active, created_at, updated_at
    FROM jsonb_to_recordset(${rows}::jsonb) AS r(
      id uuid, coaching_phase varchar, version int, name varchar, description text, body text,
      required_context_keys varchar[], allowed_actions varchar[], prompt_type varchar, is_active boolean,
      created_at timestamptz, updated_at timestamptz)`;
}

/** Every version matching the filters, timestamps as canonical UTC text with microseconds. */
export function exportRecords(client: Client, q: ExportQuery): Promise<PromptRecord[]> {
  const anyPhase = q.phase === undefined;
  const phase = q.phase === undefined || q.phase === "none" ? null : q.phase;
  return client.$queryRaw<PromptRecord[]>`
    SELECT id::text AS "id", coaching_phase AS "coachingPhase", version, name, description, body,
           required_context_keys::text[] AS "requiredContextKeys", allowed_actions::text[] AS "allowedActions",
           prompt_type AS "promptType", is_active AS "isActive",
           to_char(created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS "createdAt",
           to_char(updated_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS "updatedAt"
    FROM prompts
    WHERE (${anyPhase}::boolean OR coaching_phase IS NOT DISTINCT FROM ${phase}::varchar)
      AND (${q.type ?? null}::varchar IS NULL OR prompt_type = ${q.type ?? null}::varchar)
      AND (${q.active ?? null}::boolean IS NULL OR is_active = ${q.active ?? null}::boolean)`;
}
