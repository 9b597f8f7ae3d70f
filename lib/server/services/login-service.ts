import "server-only";
import { AppError } from "@/lib/domain/errors";
import { loginSchema } from "@/lib/domain/schemas/account";
import type { Actor, Caller, Role } from "../auth/actor";
import { verifyPassword } from "../auth/password";
import { db } from "../db/client";
import { inTransaction, withDbErrors } from "../db/errors";
import { countFailedLogins } from "../repositories/audit-repository";
import { findUserByEmail } from "../repositories/user-repository";
import { recordAudit } from "./audit";

export const LOGIN_LIMIT = { attempts: 10, windowMs: 15 * 60_000 };

export type SessionUser = Extract<Actor, { kind: "user" }>;

/** 429 once an email+address pair has failed LOGIN_LIMIT.attempts times in the window. */
export async function assertLoginAllowed(email: string, ip: string): Promise<void> {
  const since = new Date(Date.now() - LOGIN_LIMIT.windowMs);
  const failures = await withDbErrors(() => countFailedLogins(db(), email.trim().toLowerCase(), ip, since));
  if (failures >= LOGIN_LIMIT.attempts) {
    throw new AppError("rate_limited", "Too many failed sign-ins; wait 15 minutes and try again", {
      retryAfterSeconds: LOGIN_LIMIT.windowMs / 1000,
    });
  }
}

/**
 * Checks email and password. Unknown emails cost the same argon2 verification as known ones, and
 * every failure (unknown, wrong password, disabled) looks the same to the caller and is audited.
 */
export async function verifyLogin(input: unknown, ip: string, requestId: string): Promise<SessionUser | null> {
  const parsed = loginSchema.safeParse(input);
  if (!parsed.success) return null;
  const { email, password } = parsed.data;
  await assertLoginAllowed(email, ip);
  const user = await withDbErrors(() => findUserByEmail(db(), email));
  const ok = await verifyPassword(user?.passwordHash ?? null, password);
  if (user && ok && !user.disabled) {
    return { kind: "user", id: user.id, email: user.email, name: user.name, role: user.role as Role };
  }
  const caller: Caller = { actor: { kind: "anonymous" }, requestId };
  await inTransaction((tx) =>
    recordAudit(tx, caller, {
      action: "auth.login_failed",
      targetType: "auth",
      targetId: email.toLowerCase(),
      after: { ip, reason: user ? (user.disabled && ok ? "disabled" : "bad_password") : "unknown_email" },
    }),
  );
  return null;
}
