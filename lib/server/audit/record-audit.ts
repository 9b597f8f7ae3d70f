import "server-only";
import type { AuditAction, AuditTargetType } from "@/lib/domain/catalog/audit";
import type { Caller } from "../auth/actor";
import type { Tx } from "../db/client";
import { insertAudit } from "../repositories/audit-repository";

export type { AuditAction } from "@/lib/domain/catalog/audit";

export interface AuditEventInput {
  action: AuditAction;
  targetType: AuditTargetType;
  targetId: string | null;
  before?: unknown;
  after?: unknown;
}

/** Records who did what. Call it with the transaction of the change itself, so both commit or neither. */
export function recordAudit(tx: Tx, caller: Caller, event: AuditEventInput): Promise<void> {
  const a = caller.actor;
  const actor =
    a.kind === "user"
      ? { actorType: "user" as const, actorId: a.id, actorLabel: a.email }
      : a.kind === "api_key"
        ? { actorType: "api_key" as const, actorId: a.id, actorLabel: a.name }
        : a.kind === "system"
          ? { actorType: "system" as const, actorId: null, actorLabel: a.name }
          : { actorType: "anonymous" as const, actorId: null, actorLabel: null };
  return insertAudit(tx, { ...actor, ...event, requestId: caller.requestId });
}

/** Who a caller is, in one line (stored beside changes that name their author). */
export function actorLabel(caller: Caller): string | null {
  const a = caller.actor;
  return a.kind === "user" ? a.email : a.kind === "api_key" ? a.name : a.kind === "system" ? a.name : null;
}
