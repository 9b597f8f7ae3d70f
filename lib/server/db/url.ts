import "server-only";
import { serverEnv } from "@/lib/runtime/env";

/**
 * The database URL the app's pool uses (it may point at a transaction-mode pooler such as PgBouncer).
 * `npm start` sets it to the embedded server when none is given.
 */
export function databaseUrl(): string {
  const url = serverEnv().DATABASE_URL;
  if (!url) throw new Error("DATABASE_URL is not set (npm start sets it to the embedded database)");
  return url;
}

/**
 * A direct, session-mode connection for what needs one session for its whole life: LISTEN (a
 * transaction-mode pooler hands the server connection to someone else after each transaction, so
 * notifications would never arrive). PM_LISTEN_DATABASE_URL, else DATABASE_URL.
 */
export function listenDatabaseUrl(): string {
  return serverEnv().PM_LISTEN_DATABASE_URL ?? databaseUrl();
}
