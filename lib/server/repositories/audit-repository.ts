import "server-only";
import type { Prisma } from "../db/generated/client";
import type { Db, Tx } from "../db/client";

export interface AuditInsert {
  actorType: "user" | "api_key" | "system" | "anonymous";
  actorId: string | null;
  actorLabel: string | null;
  action: string;
  targetType: string;
  targetId: string | null;
  before?: unknown;
  after?: unknown;
  requestId: string | null;
}

const json = (v: unknown) => (v === undefined || v === null ? undefined : (v as Prisma.InputJsonValue));

export async function insertAudit(tx: Tx | Db, e: AuditInsert): Promise<void> {
  await tx.auditEvent.create({
    data: { ...e, before: json(e.before), after: json(e.after) },
  });
}

export interface AuditQuery {
  target?: string;
  actor?: string;
  action?: string;
  since?: Date;
  until?: Date;
  before?: bigint;
  limit: number;
}

/** Newest first; `before` is the id cursor (ids only grow). */
export function listAudit(client: Db | Tx, q: AuditQuery) {
  return client.auditEvent.findMany({
    where: {
      ...(q.target ? { targetId: q.target } : {}),
      ...(q.actor ? { actorId: q.actor } : {}),
      ...(q.action ? { action: q.action } : {}),
      ...(q.since || q.until
        ? { createdAt: { ...(q.since ? { gte: q.since } : {}), ...(q.until ? { lt: q.until } : {}) } }
        : {}),
      ...(q.before !== undefined ? { id: { lt: q.before } } : {}),
    },
    orderBy: { id: "desc" },
    take: q.limit,
  });
}

/** Every action the log holds (for the audit page's filter), alphabetical. */
export async function listAuditActions(client: Db | Tx): Promise<string[]> {
  const rows = await client.auditEvent.findMany({
    distinct: ["action"],
    select: { action: true },
    orderBy: { action: "asc" },
  });
  return rows.map((r) => r.action);
}

/** Everyone who appears as an actor, with the label they had last (for the audit page's filter). */
export async function listAuditActors(client: Db | Tx): Promise<{ actorId: string; actorLabel: string | null }[]> {
  const rows = await client.auditEvent.findMany({
    where: { actorId: { not: null } },
    distinct: ["actorId"],
    select: { actorId: true, actorLabel: true },
    orderBy: [{ actorId: "asc" }, { id: "desc" }],
  });
  return rows.map((r) => ({ actorId: r.actorId!, actorLabel: r.actorLabel }));
}

/** Failed sign-ins for one email from one address since `since` (the login limiter reads the audit log). */
/** Failed sign-ins for an account since `since`, from one address when `ip` is given. */
export function countFailedLogins(client: Db | Tx, email: string, ip: string | null, since: Date): Promise<number> {
  return client.auditEvent.count({
    where: {
      action: "auth.login_failed",
      targetId: email,
      createdAt: { gte: since },
      ...(ip === null ? {} : { after: { path: ["ip"], equals: ip } }),
    },
  });
}

export interface PhaseChange {
  phase: string | null;
  actorType: string;
  actorLabel: string | null;
  action: string;
  createdAt: Date;
}

/**
 * Who changed each phase last: the newest prompt.* event (its target is a prompt id, joined to the
 * prompt for its phase) or phase.rollback event (its target is the phase itself).
 */
export async function latestChangePerPhase(client: Db | Tx): Promise<PhaseChange[]> {
  const rows = await client.$queryRaw<
    { phase: string | null; actor_type: string; actor_label: string | null; action: string; created_at: Date }[]
  >`
    SELECT DISTINCT ON (phase) phase, actor_type, actor_label, action, created_at FROM (
      SELECT p.coaching_phase AS phase, a.id, a.actor_type, a.actor_label, a.action, a.created_at
        FROM audit_events a JOIN prompts p ON p.id::text = a.target_id
       WHERE a.target_type = 'prompt' AND a.action LIKE 'prompt.%'
      UNION ALL
      SELECT a.target_id, a.id, a.actor_type, a.actor_label, a.action, a.created_at
        FROM audit_events a WHERE a.target_type = 'phase' AND a.action = 'phase.rollback'
    ) events
    ORDER BY phase, id DESC`;
  return rows.map((r) => ({
    phase: r.phase,
    actorType: r.actor_type,
    actorLabel: r.actor_label,
    action: r.action,
    createdAt: r.created_at,
  }));
}
