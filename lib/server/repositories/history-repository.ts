import "server-only";
import type { Db, Tx } from "../db/client";

export interface PhaseEventRow {
  id: bigint;
  action: string;
  actor_type: string;
  actor_label: string | null;
  target_type: string;
  target_id: string | null;
  prompt_version: number | null;
  before: unknown;
  after: unknown;
  created_at: Date;
}

/**
 * The newest `limit` audit events of one phase (NULL: the prompts without a phase), newest first:
 * events on its versions (the target is a prompt id; its version is joined in), on the phase itself
 * (rollbacks: the target is the phase's stored value), and staging moves and releases (their events
 * name the phase in before/after; phase-less scopes name none). Each branch starts from the
 * (target_type, target_id, id) index.
 */
export function listPhaseEvents(client: Db | Tx, phase: string | null, limit: number): Promise<PhaseEventRow[]> {
  return client.$queryRaw<PhaseEventRow[]>`
    SELECT * FROM (
      SELECT a.id, a.action, a.actor_type, a.actor_label, a.target_type, a.target_id,
             p.version AS prompt_version, a.before, a.after, a.created_at
        FROM prompts p
        JOIN audit_events a ON a.target_type = 'prompt' AND a.target_id = p.id::text
       WHERE p.coaching_phase IS NOT DISTINCT FROM ${phase}
      UNION ALL
      SELECT a.id, a.action, a.actor_type, a.actor_label, a.target_type, a.target_id,
             NULL::int, a.before, a.after, a.created_at
        FROM audit_events a
       WHERE a.target_type = 'phase' AND a.target_id = ${phase ?? "none"}
      UNION ALL
      SELECT a.id, a.action, a.actor_type, a.actor_label, a.target_type, a.target_id,
             NULL::int, a.before, a.after, a.created_at
        FROM audit_events a
       WHERE a.target_type IN ('staging', 'release')
         AND coalesce(a.after->>'phase', a.before->>'phase', 'none') = ${phase ?? "none"}
    ) events
    ORDER BY id DESC
    LIMIT ${limit}`;
}
