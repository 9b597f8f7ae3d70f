import "server-only";
import type { Caller } from "../auth/actor";
import type { Tx } from "../db/client";
import { insertAudit } from "../repositories/audit-repository";

export type AuditAction =
  | "prompt.create"
  | "prompt.update"
  | "prompt.activate"
  | "prompt.deactivate"
  | "phase.rollback"
  | "prompt.import"
  | "user.create"
  | "user.update"
  | "user.disable"
  | "user.password"
  | "api_key.create"
  | "api_key.revoke"
  | "auth.login_failed"
  | "auth.sign_out"
  | "sample_context.create"
  | "sample_context.update"
  | "sample_context.delete"
  // Releases (#9): what the release history timeline is built from.
  | "release_policy.update"
  | "staging.set"
  | "staging.clear"
  | "release.open"
  | "release.approve"
  | "release.reject"
  | "release.withdraw"
  | "release.comment"
  | "release.release"
  | "phase.emergency_rollback"
  | "prompt.check"
  | "action_instruction.create"
  | "action_instruction.activate"
  | "action_instruction.deactivate"
  | "action_instruction.import";

export interface AuditEventInput {
  action: AuditAction;
  targetType:
    | "prompt"
    | "phase"
    | "user"
    | "api_key"
    | "import"
    | "auth"
    | "sample_context"
    | "release"
    | "release_policy"
    | "staging"
    | "action_instruction";
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
