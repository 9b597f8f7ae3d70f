import "server-only";
import { AppError } from "@/lib/domain/errors";
import { runAfterCommit } from "./after-commit";
import { db, type Tx } from "./client";

// SQLSTATEs, socket errors, Prisma codes (P1001 can't reach, P1002/P1008 timed out, P1017 closed,
// P2024 no pool connection in time, P2028 transaction could not start or finish in time) and
// driver-adapter kinds that mean "the database is not answering right now" (53300: too many connections).
const UNAVAILABLE = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "ETIMEDOUT",
  "ENOTFOUND",
  "57P01",
  "57P02",
  "57P03",
  "53300",
  "08000",
  "08001",
  "08003",
  "08006",
  "P1001",
  "P1002",
  "P1008",
  "P1017",
  "P2024",
  "P2028",
  "DatabaseNotReachable",
  "ConnectionClosed",
  "SocketTimeout",
  "TooManyConnections",
]);

// Prisma keeps the driver's error under meta.driverAdapterError, and that one its details under cause.
function errorCodes(error: unknown): string[] {
  const codes: string[] = [];
  const queue: unknown[] = [error];
  for (let seen = 0; queue.length && seen < 10; seen++) {
    const e = queue.shift();
    if (!e || typeof e !== "object") continue;
    const o = e as {
      code?: unknown;
      originalCode?: unknown;
      kind?: unknown;
      cause?: unknown;
      meta?: { driverAdapterError?: unknown };
    };
    for (const c of [o.code, o.originalCode, o.kind]) if (typeof c === "string") codes.push(c);
    queue.push(o.cause, o.meta?.driverAdapterError);
  }
  return codes;
}

/** Maps driver/Prisma errors to the app's error model; AppErrors pass through. */
export function mapDbError(error: unknown): unknown {
  if (error instanceof AppError) return error;
  const codes = errorCodes(error);
  const message = error instanceof Error ? error.message : String(error);
  if (
    codes.some((c) => UNAVAILABLE.has(c)) ||
    /connect|Connection terminated|timeout exceeded when trying to connect|timeout expired/i.test(message)
  ) {
    return new AppError("db_unavailable", "The database is unavailable; try again shortly");
  }
  if (codes.includes("P2002") || codes.includes("23505") || codes.includes("UniqueConstraintViolation")) {
    return new AppError("conflict", "That already exists (a unique value is taken)");
  }
  if (codes.includes("P2025")) return new AppError("not_found", "The record no longer exists");
  if (codes.includes("23514") || /violates check constraint|immutable/i.test(message)) {
    return new AppError("invalid_request", "The database refused the value", { reason: message });
  }
  return error;
}

/** True for an error that means the database is not answering (the stale-if-error caches serve on it). */
export function isDbUnavailable(error: unknown): boolean {
  const mapped = mapDbError(error);
  return mapped instanceof AppError && mapped.code === "db_unavailable";
}

/**
 * Database errors become the app's error model once, at the edges: the route wrapper, the server-action
 * wrapper and the transaction helper (services and repositories throw what the driver threw).
 */
export async function withDbErrors<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (error) {
    throw mapDbError(error);
  }
}

/** Every write goes through here: one transaction, generous waits so bursts queue instead of failing. */
export async function inTransaction<T>(fn: (tx: Tx) => Promise<T>): Promise<T> {
  const result = await withDbErrors(() => db().$transaction(fn, { maxWait: 30_000, timeout: 30_000 }));
  runAfterCommit();
  return result;
}
