import "server-only";
import { AppError } from "@/lib/domain/errors";
import { can, type Permission } from "@/lib/domain/auth/permissions";
import type { Caller } from "./actor";

export { can, type Permission } from "@/lib/domain/auth/permissions";

/** Anything signed in or keyed may read public-to-the-team data such as the catalog. */
export function authenticated(caller: Caller): void {
  if (caller.actor.kind === "anonymous")
    throw new AppError("unauthenticated", "Sign in or send an API key (Authorization: Bearer pm_…)");
}

/** Services call this first: 401 without credentials, 403 without the right role or scope. */
export function authorize(caller: Caller, permission: Permission): void {
  authenticated(caller);
  if (!can(caller.actor, permission)) {
    throw new AppError(
      "forbidden",
      `This ${caller.actor.kind === "api_key" ? "API key" : "account"} may not do that (needs ${permission})`,
      { permission },
    );
  }
}
