import "server-only";
import { narrowRole } from "@/lib/domain/schemas/account";
import { AppError } from "@/lib/domain/errors";
import type { Actor } from "./actor";
import { db } from "../db/client";
import { inTransaction } from "../db/errors";
import { bumpSessionVersion, findUserById, findUserByIdForUpdate } from "../repositories/user-repository";
import { isUuid } from "@/lib/domain/ids";
import { recordAudit } from "../audit/record-audit";

/** What a session cookie says: who, and the session version it was issued with. */
export interface SessionClaims {
  uid: string;
  sessionVersion: number | undefined;
}

/**
 * The actor behind a session. Role, disabled flag and session version come from the database on every
 * request (one primary-key read), not from the JWT, so a demotion, a disabled account, a sign-out or a
 * password change takes effect at once: a session issued with another version is refused.
 */
export async function actorForSession(claims: SessionClaims): Promise<Actor> {
  const user = isUuid(claims.uid) ? await findUserById(db(), claims.uid) : null;
  if (!user) throw new AppError("unauthenticated", "Your session is no longer valid; sign in again");
  if (user.disabled) throw new AppError("unauthenticated", "This account is disabled");
  if (user.sessionVersion !== claims.sessionVersion)
    throw new AppError("unauthenticated", "This session was ended (sign-out, password or role change); sign in again");
  return { kind: "user", id: user.id, email: user.email, name: user.name, role: narrowRole(user.role) };
}

/** Whether a session is still valid (same rule as actorForSession), for next-auth's own session endpoint. */
export async function sessionIsCurrent(claims: SessionClaims): Promise<boolean> {
  try {
    await actorForSession(claims);
    return true;
  } catch (error) {
    if (error instanceof AppError && error.code === "unauthenticated") return false;
    throw error;
  }
}

/**
 * Sign-out ends the person's sessions everywhere (JWTs cannot be deleted one by one): the version moves
 * on, audited. Only a session that is still valid can do it, so a stale cookie changes nothing.
 */
export async function endSessions(claims: SessionClaims): Promise<void> {
  if (!isUuid(claims.uid)) return;
  await inTransaction(async (tx) => {
    const user = await findUserByIdForUpdate(tx, claims.uid);
    if (!user || user.sessionVersion !== claims.sessionVersion) return;
    const after = await bumpSessionVersion(tx, user.id);
    const actor: Actor = { kind: "user", id: user.id, email: user.email, name: user.name, role: narrowRole(user.role) };
    await recordAudit(
      tx,
      { actor, requestId: "sign-out" },
      {
        action: "auth.sign_out",
        targetType: "user",
        targetId: user.id,
        before: { sessionVersion: user.sessionVersion },
        after: { sessionVersion: after.sessionVersion },
      },
    );
  });
}
