import type { Role, Scope } from "@/lib/domain/schemas/account";

export type { Role, Scope } from "@/lib/domain/schemas/account";

/**
 * Who is calling. Built in exactly one place per entry point (route wrapper, server-action wrapper,
 * page guard); services receive it and decide what it may do. `system` is for CLI scripts and seeding.
 */
export type Actor =
  | { kind: "anonymous" }
  | { kind: "system"; name: string }
  | { kind: "user"; id: string; email: string; name: string | null; role: Role }
  | { kind: "api_key"; id: string; name: string; scopes: Scope[] };

/** An actor plus the request it acts in (the request id ties audit events to logs). */
export interface Caller {
  actor: Actor;
  requestId: string;
}

export const SYSTEM_CALLER: Caller = { actor: { kind: "system", name: "cli" }, requestId: "cli" };

/** The person behind a caller (what `created_by` columns record), or null for keys, the CLI and anonymous. */
export function userIdOf(caller: Caller): string | null {
  return caller.actor.kind === "user" ? caller.actor.id : null;
}
