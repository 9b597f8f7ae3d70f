import "server-only";
import { narrowRole } from "@/lib/domain/schemas/account";
import { AppError } from "@/lib/domain/errors";
import { loginSchema, normalizeEmail } from "@/lib/domain/schemas/account";
import type { Actor, Caller } from "./actor";
import { verifyPassword } from "./password";
import { db, type Db, type Tx } from "../db/client";
import { inTransaction } from "../db/errors";
import { countFailedLogins } from "../repositories/audit-repository";
import { findUserByEmail, lockAccountForSignIn } from "../repositories/user-repository";
import { recordAudit } from "../audit/record-audit";

/**
 * Failed sign-ins allowed per account and address, and per account from any address (so rotating
 * addresses buys an attacker little), within the window.
 */
export const LOGIN_LIMIT = { attempts: 10, accountAttempts: 30, windowMs: 15 * 60_000 };

/** Who signed in, and the session version their session is issued with (see session-service). */
export type SessionUser = Extract<Actor, { kind: "user" }> & { sessionVersion: number };

async function assertUnderLimits(client: Db | Tx, email: string, ip: string): Promise<void> {
  const since = new Date(Date.now() - LOGIN_LIMIT.windowMs);
  const [fromHere, fromAnywhere] = await Promise.all([
    countFailedLogins(client, email, ip, since),
    countFailedLogins(client, email, null, since),
  ]);
  if (fromHere >= LOGIN_LIMIT.attempts || fromAnywhere >= LOGIN_LIMIT.accountAttempts) {
    throw new AppError("rate_limited", "Too many failed sign-ins; wait 15 minutes and try again", {
      retryAfterSeconds: LOGIN_LIMIT.windowMs / 1000,
    });
  }
}

/** 429 once the account, or the account from this address, is over its limit (an early, unlocked check). */
export async function assertLoginAllowed(email: string, ip: string): Promise<void> {
  await assertUnderLimits(db(), normalizeEmail(email), ip);
}

/**
 * Checks email and password. Unknown emails cost the same argon2 verification as known ones, and
 * every failure (unknown, wrong password, disabled) looks the same to the caller and is audited.
 * Counting earlier failures, checking the password and recording a failure happen under one
 * per-account lock, so 50 concurrent guesses get at most LOGIN_LIMIT.attempts password checks.
 */
export async function verifyLogin(input: unknown, ip: string, requestId: string): Promise<SessionUser | null> {
  const parsed = loginSchema.safeParse(input);
  if (!parsed.success) return null;
  const { email, password } = parsed.data;
  return inTransaction(async (tx) => {
    await lockAccountForSignIn(tx, email);
    await assertUnderLimits(tx, email, ip);
    const user = await findUserByEmail(tx, email);
    const ok = await verifyPassword(user?.passwordHash ?? null, password);
    if (user && ok && !user.disabled) {
      const role = narrowRole(user.role);
      return {
        kind: "user",
        id: user.id,
        email: user.email,
        name: user.name,
        role,
        sessionVersion: user.sessionVersion,
      } as const;
    }
    const caller: Caller = { actor: { kind: "anonymous" }, requestId };
    await recordAudit(tx, caller, {
      action: "auth.login_failed",
      targetType: "auth",
      targetId: email,
      after: { ip, reason: user ? (user.disabled && ok ? "disabled" : "bad_password") : "unknown_email" },
    });
    return null;
  });
}
