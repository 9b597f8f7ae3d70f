import type { Actor, Role, Scope } from "./actor";

/** What each role and each API-key scope may do: the one table the API, pages and UI all consult. */
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
