import { spawnSync } from "node:child_process";
import { mkdtemp, mkdir, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { createHash, randomBytes } from "node:crypto";
import { afterAll, describe, expect, inject, it } from "vitest";
import { MIGRATIONS_DIR, migrate, readMigrations } from "@/lib/server/db/migrate";
import { urlForDatabase, withAdmin } from "../support/admin-database";

const adminUrl = inject("adminUrl");
const created: string[] = [];
async function freshDatabase(): Promise<string> {
  const name = `pm_mig_${randomBytes(5).toString("hex")}`;
  await withAdmin(adminUrl, (c) => c.query(`CREATE DATABASE "${name}"`));
  created.push(name);
  return urlForDatabase(adminUrl, name);
}
afterAll(async () => {
  await withAdmin(adminUrl, async (c) => {
    for (const name of created) await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  });
});

async function migrationsDir(files: Record<string, string>): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), "pm-migrations-"));
  for (const [name, sql] of Object.entries(files)) {
    await mkdir(path.join(dir, name));
    await writeFile(path.join(dir, name, "migration.sql"), sql);
  }
  return dir;
}

async function rows(url: string, sql: string) {
  const { default: pg } = await import("pg");
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    return (await c.query(sql)).rows;
  } finally {
    await c.end();
  }
}

describe("migration runner", () => {
  it("records each migration as Prisma does: sha256 of the file, finished, one step", async () => {
    const url = await freshDatabase();
    const result = await migrate(url);
    const files = await readMigrations();
    expect(result.applied).toEqual(files.map((f) => f.name));
    const recorded = await rows(
      url,
      `SELECT migration_name, checksum, finished_at, applied_steps_count, rolled_back_at FROM _prisma_migrations ORDER BY migration_name`,
    );
    for (const [i, file] of files.entries()) {
      const bytes = await readFile(path.join(MIGRATIONS_DIR, file.name, "migration.sql"));
      expect(recorded[i]).toMatchObject({
        migration_name: file.name,
        checksum: createHash("sha256").update(bytes).digest("hex"),
        applied_steps_count: 1,
        rolled_back_at: null,
      });
      expect(recorded[i].finished_at).toBeInstanceOf(Date);
    }
    expect((await migrate(url)).applied).toEqual([]);
  });

  it("applies concurrently started runs exactly once (advisory lock)", async () => {
    const url = await freshDatabase();
    const results = await Promise.all([migrate(url), migrate(url), migrate(url)]);
    expect(results.flatMap((r) => r.applied)).toHaveLength((await readMigrations()).length);
  });

  it("refuses to run when an applied migration file was modified", async () => {
    const url = await freshDatabase();
    const dir = await migrationsDir({ "001_a": "CREATE TABLE a (id int);" });
    await migrate(url, dir);
    await writeFile(path.join(dir, "001_a", "migration.sql"), "CREATE TABLE a (id bigint);");
    await expect(migrate(url, dir)).rejects.toThrow(/001_a was modified after it was applied/);
  });

  it("rolls a failing migration back whole and records nothing for it", async () => {
    const url = await freshDatabase();
    const dir = await migrationsDir({
      "001_ok": "CREATE TABLE ok (id int);",
      "002_bad": "CREATE TABLE half (id int); SELECT * FROM no_such_table;",
    });
    await expect(migrate(url, dir)).rejects.toThrow(/002_bad failed and was rolled back/);
    const names = await rows(url, `SELECT migration_name FROM _prisma_migrations`);
    expect(names.map((r) => r.migration_name)).toEqual(["001_ok"]);
    expect(await rows(url, `SELECT to_regclass('half') AS t`)).toEqual([{ t: null }]);
  });
});

describe("npm run db:migrate / npm start on a database that cannot be used", () => {
  it("ends with one sentence saying what to fix, exit 1, no stack trace", () => {
    const run = (url: string) => {
      const env: NodeJS.ProcessEnv = { ...process.env, DATABASE_URL: url };
      delete env.PM_LISTEN_DATABASE_URL;
      const script = ["--conditions=react-server", "--import", "tsx", "scripts/db-migrate.ts"];
      return spawnSync(process.execPath, script, { env, encoding: "utf8" });
    };
    const down = run("postgresql://postgres@127.0.0.1:1/pm");
    expect(down.status).toBe(1);
    expect(down.stderr.trim().split("\n")).toEqual([
      "Cannot prepare the database: nothing answers at the address in DATABASE_URL (ECONNREFUSED): start that PostgreSQL or correct the URL.",
    ]);
    const missing = run(urlForDatabase(adminUrl, `pm_missing_${randomBytes(4).toString("hex")}`));
    expect(missing.status).toBe(1);
    expect(missing.stderr.trim().split("\n")).toEqual([
      "Cannot prepare the database: the database named in DATABASE_URL does not exist: create it (CREATE DATABASE) or correct the URL.",
    ]);
  }, 60_000);
});
