import "server-only";
import { promptCacheHealth, warmUpPromptCache } from "../cache/prompt-cache";
import { db } from "../db/client";
import { readMigrations } from "../db/migrate";
import type { HealthResponse, ReadinessResponse } from "@/lib/domain/schemas/responses";
import { isDraining } from "@/lib/runtime/lifecycle";

function withDeadline<T>(work: Promise<T>, ms: number, what: string): Promise<T> {
  return Promise.race([
    work,
    new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`${what} timed out`)), ms).unref()),
  ]);
}

/** Liveness: one trivial query with a short deadline, cheap enough for load balancers to poll. */
export async function checkHealth(): Promise<HealthResponse> {
  const up = await withDeadline(db().$queryRaw`SELECT 1`, 2_000, "health check").then(
    () => true,
    () => false,
  );
  const { listener, deafResolves } = promptCacheHealth();
  return { status: up ? "ok" : "degraded", db: up ? "up" : "down", listener, deafResolves, draining: isDraining() };
}

// Once every migration file is recorded as applied it stays so for this process (files do not change
// under a running build), so the check costs one query per process, not one per poll.
let migrationsApplied = false;

async function pendingMigrations(): Promise<number> {
  const files = await readMigrations();
  const rows = await db().$queryRaw<{ migration_name: string }[]>`
    SELECT migration_name FROM "_prisma_migrations" WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`;
  const applied = new Set(rows.map((r) => r.migration_name));
  return files.filter((f) => !applied.has(f.name)).length;
}

/**
 * Readiness, for a balancer deciding where to send traffic. Starting up: every migration applied
 * (`npm run db:migrate` runs them; serving does not), the change listener up once, and the prompt
 * cache warmed up (kicked off by the first check). After that, only draining takes the instance out.
 * A later listener or database outage is reported by /api/health but keeps the instance ready: such
 * outages hit every instance at once, and a deaf instance still answers correctly (from the database),
 * whereas taking the whole fleet out of rotation would answer nothing at all.
 */
export async function checkReadiness(): Promise<ReadinessResponse> {
  const draining = isDraining();
  let migrations: ReadinessResponse["checks"]["migrations"] = "applied";
  if (!migrationsApplied) {
    migrations = await withDeadline(pendingMigrations(), 2_000, "migration check").then(
      (n) => (n === 0 ? "applied" : "pending"),
      () => "unknown",
    );
    migrationsApplied = migrations === "applied";
  }
  const { listener, listenedOnce } = promptCacheHealth();
  let warmUp: ReadinessResponse["checks"]["warmUp"] = "pending";
  if (migrations === "applied" && listenedOnce) {
    warmUp = await withDeadline(warmUpPromptCache(), 2_000, "cache warm-up").then(
      () => "done" as const,
      () => "pending" as const,
    );
  }
  const ready = !draining && migrations === "applied" && listenedOnce && warmUp === "done";
  return { ready, checks: { draining, migrations, listener, warmUp } };
}
