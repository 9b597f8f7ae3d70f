import "server-only";
import { randomUUID } from "node:crypto";
import { getServerSession } from "next-auth";
import { forbidden, redirect } from "next/navigation";
import { AppError } from "@/lib/domain/errors";
import { actorForSession } from "../services/session-service";
import type { Caller } from "./actor";
import { can, type Permission } from "./authorize";
import { authOptions } from "./options";

/** The caller of a page or server action (next-auth session); anonymous when signed out or stale. */
export async function currentCaller(): Promise<Caller> {
  const requestId = randomUUID();
  const session = await getServerSession(authOptions());
  if (!session?.user.id) return { actor: { kind: "anonymous" }, requestId };
  try {
    return { actor: await actorForSession(session.user.id), requestId };
  } catch (error) {
    if (error instanceof AppError && error.code === "unauthenticated")
      return { actor: { kind: "anonymous" }, requestId };
    throw error;
  }
}

/**
 * Page guard: signed-out visitors go to /login (and come back after); a signed-in user without the
 * permission gets a 403 error page rather than a redirect loop.
 */
export async function requireCaller(permission: Permission = "prompts:read", returnTo = "/"): Promise<Caller> {
  const caller = await currentCaller();
  if (caller.actor.kind === "anonymous") redirect(`/login?callbackUrl=${encodeURIComponent(returnTo)}`);
  if (!can(caller.actor, permission)) forbidden();
  return caller;
}
