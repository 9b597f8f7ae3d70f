import "server-only";
import { AppError } from "@/lib/domain/errors";
import type { Actor, Caller, Role, Scope } from "./actor";

export type Permission = "prompts:read" | "prompts:write" | "resolve" | "admin";

const ROLE_PERMISSIONS: Record<Role, readonly Permission[]> = {
  admin: ["prompts:read", "prompts:write", "resolve", "admin"],
  designer: ["prompts:read", "prompts:write", "resolve"],
  viewer: ["prompts:read", "resolve"],
};

// API keys carry scopes; "admin" is never a key scope (users and keys are managed by people).
const SCOPE_PERMISSIONS: Record<Scope, Permission> = {
  "resolve": "resolve",
  "prompts:read": "prompts:read",
  "prompts:write": "prompts:write",
};

export function can(actor: Actor, permission: Permission): boolean {
  switch (actor.kind) {
    case "system":
      return true;
    case "user":
      return ROLE_PERMISSIONS[actor.role].includes(permission);
    case "api_key":
      return actor.scopes.some((s) => SCOPE_PERMISSIONS[s] === permission);
    case "anonymous":
      return false;
  }
}

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
