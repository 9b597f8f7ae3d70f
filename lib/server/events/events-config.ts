import "server-only";

export interface EventsConfig {
  heartbeatMs: number;
  maxPerKey: number;
  /** Bytes queued for one reader beyond which it is dropped (it reconnects and replays what it missed). */
  maxBufferedBytes: number;
}

/**
 * PM_EVENTS_HEARTBEAT_MS (default 15 s) spaces the comment lines that keep proxies from closing an
 * idle stream; PM_EVENTS_MAX_PER_KEY (default 50) bounds one API key's or person's open streams on one
 * instance; PM_EVENTS_MAX_BUFFER_BYTES (default 256 KiB) bounds what a slow reader may leave unread.
 */
export function eventsConfig(env: Record<string, string | undefined> = process.env): EventsConfig {
  return {
    heartbeatMs: positiveInt(env, "PM_EVENTS_HEARTBEAT_MS", 15_000),
    maxPerKey: positiveInt(env, "PM_EVENTS_MAX_PER_KEY", 50),
    maxBufferedBytes: positiveInt(env, "PM_EVENTS_MAX_BUFFER_BYTES", 256 * 1024),
  };
}

function positiveInt(env: Record<string, string | undefined>, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === "") return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value <= 0)
    throw new Error(`${name} must be a positive integer, not ${JSON.stringify(raw)}`);
  return value;
}
