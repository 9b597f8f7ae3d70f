import { readFileSync } from "node:fs";
import path from "node:path";

/**
 * The old Django system's real `prompts.prompt` table (38 rows), shared by all worktrees beside the
 * repository. Read in place, never copied into the project; a missing file fails the test loudly.
 */
export const OLD_SYSTEM_FIXTURE = path.resolve(import.meta.dirname, "../../../shared/fixtures/dev-coach-prompts.json");

export function readOldSystemFixture(): { text: string; data: unknown[] } {
  const text = readFileSync(OLD_SYSTEM_FIXTURE, "utf8");
  return { text, data: JSON.parse(text) as unknown[] };
}
