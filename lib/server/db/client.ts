import "server-only";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaClient } from "./generated/client";
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

function create(): PrismaClient {
  const adapter = new PrismaPg({
    connectionString: databaseUrl(),
    max: Number(process.env.PM_DB_POOL_SIZE ?? 10),
    connectionTimeoutMillis: 5_000, // longest wait for a free pooled connection
    Client: clientWithConnectTimeout(Number(process.env.PM_DB_CONNECT_TIMEOUT_MS ?? 1_000)),
  });
  return new PrismaClient({ adapter });
}

export function db(): PrismaClient {
  return (globalForPrisma.prisma ??= create());
}

export type Db = PrismaClient;
export type Tx = Parameters<Parameters<PrismaClient["$transaction"]>[0]>[0];
