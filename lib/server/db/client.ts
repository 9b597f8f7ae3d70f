import "server-only";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaClient } from "./generated/client";
import { serverEnv } from "@/lib/runtime/env";
import { databaseUrl } from "./url";

// One client per process; Next's dev server re-evaluates modules, so keep it on globalThis.
const globalForPrisma = globalThis as unknown as { prisma?: PrismaClient };

/**
 * pg-pool applies its one `connectionTimeoutMillis` both to waiting for a free pooled connection and
 * to opening a new one. Those want different bounds: a burst of writes should queue for seconds, but
 * a server that does not answer a new connection within a second is down, and callers should hear
 * `db_unavailable` then rather than after the whole queue wait. So new connections get their own,
 * shorter timeout (PM_DB_CONNECT_TIMEOUT_MS, default 1 s).
 */
function clientWithConnectTimeout(ms: number): typeof pg.Client {
  return class extends pg.Client {
    constructor(config?: string | pg.ClientConfig) {
      super(
        typeof config === "string"
          ? { connectionString: config, connectionTimeoutMillis: ms }
          : { ...config, connectionTimeoutMillis: ms },
      );
    }
  };
}

/**
 * Pooler-safe (PgBouncer in transaction mode, 1.18 included): the adapter sends every query as an
 * unnamed prepared statement (no `statementNameGenerator`), which lives only until the next Parse in
 * the same transaction, so no named statement is left on a server connection someone else gets next;
 * and the app keeps no session state: locks are `pg_advisory_xact_lock`, settings `SET LOCAL`.
 */
function create(): PrismaClient {
  const env = serverEnv();
  const adapter = new PrismaPg({
    connectionString: databaseUrl(),
    max: env.PM_DB_POOL_SIZE,
    connectionTimeoutMillis: 5_000, // longest wait for a free pooled connection
    Client: clientWithConnectTimeout(env.PM_DB_CONNECT_TIMEOUT_MS),
  });
  return new PrismaClient({ adapter });
}

export function db(): PrismaClient {
  return (globalForPrisma.prisma ??= create());
}

export type Db = PrismaClient;
export type Tx = Parameters<Parameters<PrismaClient["$transaction"]>[0]>[0];
