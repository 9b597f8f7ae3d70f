import "server-only";

/**
 * Who is calling. Every service takes one; the route wrapper is the one place that builds it.
 * `system` is for the CLI scripts and start-up seeding.
 */
export type Actor =
  | { kind: "anonymous" }
  | { kind: "system"; name: string };

export const SYSTEM_ACTOR: Actor = { kind: "system", name: "cli" };
