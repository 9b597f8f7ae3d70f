import "server-only";
import { serverEnv } from "@/lib/runtime/env";

export interface CacheConfig {
  enabled: boolean;
  ttlMs: number;
  staleAfterMs: number;
  maxEntries: number;
  /** Interval of the change listener's liveness ping; an answer must come within min(2 s, interval). */
  pingMs: number;
}

/**
 * PM_CACHE=off turns the prompt cache off (every resolve queries the database; the benchmark compares
 * both). PM_CACHE_TTL_MS bounds how long an entry may live without any invalidation arriving, and
 * PM_CACHE_STALE_AFTER_MS how long a resolve waits for a slow database before it serves the last
 * known good prompt. PM_CACHE_PING_MS is how often the listener connection proves it is alive (a dead
 * one would silently deliver no invalidations). Defaults and rules live in the env schema
 * (lib/runtime/env.ts); a malformed value stops the first resolve with an error naming it.
 */
export function cacheConfig(env: Record<string, string | undefined> = process.env): CacheConfig {
  const settings = serverEnv(env);
  return {
    enabled: settings.PM_CACHE === "on",
    ttlMs: settings.PM_CACHE_TTL_MS,
    staleAfterMs: settings.PM_CACHE_STALE_AFTER_MS,
    maxEntries: settings.PM_CACHE_MAX_ENTRIES,
    pingMs: settings.PM_CACHE_PING_MS,
  };
}
