import "server-only";
import { randomUUID } from "node:crypto";
import { headers } from "next/headers";
import { forbidden, redirect } from "next/navigation";
import { AppError } from "@/lib/domain/errors";
import { actorForSession } from "./session-actor";
import type { Caller } from "./actor";
import { can, type Permission } from "./authorize";
import { sessionFromCookie } from "./session-cookie";

/** The caller of a page or server action (next-auth session); anonymous when signed out or stale. */
export async function currentCaller(): Promise<Caller> {
  const requestId = randomUUID();
  // The same cookie reading as route handlers, so pages refuse an ended session exactly as the API does.
  const session = await sessionFromCookie(await headers());
  if (!session) return { actor: { kind: "anonymous" }, requestId };
  try {
    return { actor: await actorForSession(session), requestId };
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
