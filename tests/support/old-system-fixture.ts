import { existsSync, readFileSync } from "node:fs";
import path from "node:path";

/**
 * Data of the old Django system, shared by all checkouts beside the repository (`../shared/fixtures`;
 * `PM_SHARED_DIR` points elsewhere, e.g. from a git worktree). Read in place, never copied into the
 * project; a missing file fails the test loudly.
 */
function sharedFixture(name: string): string {
  const dirs = [
    ...(process.env.PM_SHARED_DIR ? [process.env.PM_SHARED_DIR] : []),
    path.resolve(import.meta.dirname, "../../../shared"),
  ];
  const found = dirs.map((dir) => path.join(dir, "fixtures", name)).find((file) => existsSync(file));
  return found ?? path.join(dirs[dirs.length - 1]!, "fixtures", name);
}

/** The old system's real `prompts.prompt` table (38 rows). */
export const OLD_SYSTEM_FIXTURE = sharedFixture("dev-coach-prompts.json");

/** The old system's 22 action definitions: action_type, description, params_schema (pydantic). */
export const OLD_ACTIONS_FIXTURE = sharedFixture("dev-coach-actions.json");

export function readOldSystemFixture(): { text: string; data: unknown[] } {
  const text = readFileSync(OLD_SYSTEM_FIXTURE, "utf8");
  return { text, data: JSON.parse(text) as unknown[] };
}

export interface OldAction {
  action_type: string;
  description: string;
  params_schema: Record<string, unknown>;
}

export function readOldActionsFixture(): { text: string; actions: OldAction[] } {
  const text = readFileSync(OLD_ACTIONS_FIXTURE, "utf8");
  return { text, actions: (JSON.parse(text) as { actions: OldAction[] }).actions };
}
