import "server-only";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "./generated/client";
import { databaseUrl } from "./url";

// One client per process; Next's dev server re-evaluates modules, so keep it on globalThis.
const globalForPrisma = globalThis as unknown as { prisma?: PrismaClient };

function create(): PrismaClient {
  const adapter = new PrismaPg({
    connectionString: databaseUrl(),
    max: Number(process.env.PM_DB_POOL_SIZE ?? 10),
    connectionTimeoutMillis: 5_000,
  });
  return new PrismaClient({ adapter });
}

export function db(): PrismaClient {
  return (globalForPrisma.prisma ??= create());
}

export type Db = PrismaClient;
export type Tx = Parameters<Parameters<PrismaClient["$transaction"]>[0]>[0];
