import "server-only";

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
 * one would silently deliver no invalidations). A malformed value stops the first resolve with an
 * error instead of being guessed at.
 */
export function cacheConfig(env: Record<string, string | undefined> = process.env): CacheConfig {
  const mode = env.PM_CACHE ?? "on";
  if (mode !== "on" && mode !== "off") throw new Error(`PM_CACHE must be "on" or "off", not ${JSON.stringify(mode)}`);
  return {
    enabled: mode === "on",
    ttlMs: positiveInt(env, "PM_CACHE_TTL_MS", 60_000),
    staleAfterMs: positiveInt(env, "PM_CACHE_STALE_AFTER_MS", 1_000),
    maxEntries: positiveInt(env, "PM_CACHE_MAX_ENTRIES", 10_000),
    pingMs: positiveInt(env, "PM_CACHE_PING_MS", 5_000),
  };
}

function positiveInt(env: Record<string, string | undefined>, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === "") return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value <= 0)
    throw new Error(`${name} must be a positive integer (milliseconds or a count), not ${JSON.stringify(raw)}`);
  return value;
}
