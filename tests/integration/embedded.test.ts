import { mkdtemp, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { describe, expect, it } from "vitest";
import { startEmbedded } from "@/lib/server/db/embedded";
import { migrate } from "@/lib/server/db/migrate";

async function query(url: string, sql: string) {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    return (await c.query(sql)).rows;
  } finally {
    await c.end();
  }
}

// The default path of `npm start`: a bundled PostgreSQL in a data folder, created once, then reused.
describe("embedded PostgreSQL", () => {
  it("initialises a new folder, migrates, stops cleanly and keeps the data for the next start", async () => {
    const dir = await mkdtemp(path.join(tmpdir(), "pm-embedded-"));
    const port = 55000 + Math.floor(Math.random() * 1000);
    const first = await startEmbedded({ dir, port });
    try {
      expect(first.url).not.toContain(":password@");
      await migrate(first.url);
      await query(first.url, `INSERT INTO prompts (coaching_phase, version, body) VALUES ('introduction', 1, 'kept')`);
      const [{ server_version: version }] = await query(first.url, "SHOW server_version");
      expect(Number.parseInt(version, 10)).toBeGreaterThanOrEqual(18);
    } finally {
      await first.stop();
    }
    await expect(query(first.url, "SELECT 1")).rejects.toThrow();
    expect((await stat(path.join(dir, "credentials.json"))).mode & 0o077).toBe(0);

    const second = await startEmbedded({ dir, port });
    try {
      expect(second.url).toBe(first.url);
      expect((await migrate(second.url)).applied).toEqual([]);
      expect(await query(second.url, "SELECT body FROM prompts")).toEqual([{ body: "kept" }]);
    } finally {
      await second.stop();
    }
  }, 60_000);
});
