import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { chown, mkdir, mkdtemp, rm, stat } from "node:fs/promises";
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

// As root, PostgreSQL runs as the `postgres` OS user. A checkout under a folder only root can enter
// (/root/app, mktemp -d) used to die with `spawn …/initdb EACCES` and a stack trace.
describe.runIf(process.getuid?.() === 0)("embedded PostgreSQL as root in a private folder", () => {
  it("keeps data and binaries where the postgres user can reach them, and the folder private", async () => {
    const privateDir = await mkdtemp(path.join(tmpdir(), "pm-private-")); // 0700, like mktemp -d
    const dir = path.join(privateDir, "app", ".data");
    const port = 55000 + Math.floor(Math.random() * 1000);
    const db = await startEmbedded({ dir, port });
    try {
      expect(db.dataDir.startsWith("/var/tmp/prompt-manager-")).toBe(true);
      expect((await query(db.url, "SELECT 1 AS ok"))[0]).toEqual({ ok: 1 });
      expect((await stat(privateDir)).mode & 0o777).toBe(0o700);
      expect((await stat(db.dataDir)).mode & 0o077).toBe(0);
    } finally {
      await db.stop();
      await rm(path.dirname(db.dataDir), { recursive: true, force: true });
    }
  }, 60_000);

  it("ends a start it cannot make work with one sentence saying how to fix it, no stack trace", async () => {
    const privateDir = await mkdtemp(path.join(tmpdir(), "pm-private-"));
    const dir = path.join(privateDir, ".data");
    // Someone else got there first: root must not run binaries from a folder another user controls.
    const home = `/var/tmp/prompt-manager-${createHash("sha256").update(path.join(dir, "pg")).digest("hex").slice(0, 16)}`;
    await mkdir(home);
    await chown(home, 65534, 65534);
    try {
      const env: NodeJS.ProcessEnv = { ...process.env, PM_DATA_DIR: dir, PM_EMBEDDED_PORT: "55999" };
      delete env.DATABASE_URL;
      delete env.PM_LISTEN_DATABASE_URL;
      const run = spawnSync(
        process.execPath,
        ["--conditions=react-server", "--import", "tsx", "scripts/db-migrate.ts"],
        { env, encoding: "utf8" },
      );
      expect(run.status).toBe(1);
      expect(run.stderr.trim().split("\n")).toEqual([
        `Cannot start the embedded database: ${home} exists but does not belong to root; remove it, or set PM_DATA_DIR to a folder every user can pass through (e.g. /srv/prompt-manager).`,
      ]);
    } finally {
      await rm(home, { recursive: true, force: true });
    }
  }, 60_000);
});
