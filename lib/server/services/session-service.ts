import "server-only";
import { AppError } from "@/lib/domain/errors";
import type { Actor, Role } from "../auth/actor";
import { db } from "../db/client";
import { withDbErrors } from "../db/errors";
import { findUserById } from "../repositories/user-repository";
import { isUuid } from "@/lib/domain/ids";

/**
 * The actor behind a session. Role and disabled flag come from the database on every request, not
 * from the JWT, so a demotion or a disabled account takes effect at once.
 */
export async function actorForSession(uid: string): Promise<Actor> {
  const user = isUuid(uid) ? await withDbErrors(() => findUserById(db(), uid)) : null;
  if (!user) throw new AppError("unauthenticated", "Your session is no longer valid; sign in again");
  if (user.disabled) throw new AppError("unauthenticated", "This account is disabled");
  return { kind: "user", id: user.id, email: user.email, name: user.name, role: user.role as Role };
}
