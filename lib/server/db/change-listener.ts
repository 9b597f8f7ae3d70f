import "server-only";
import { randomUUID } from "node:crypto";
import pg from "pg";

/** The listener's own channel: each ping is a notification it must receive back. */
const PING_CHANNEL = "pm_listener_ping";

export interface ChangeListenerOptions {
  url: string;
  channels: readonly string[];
  onNotify: (channel: string, payload: string) => void;
  /** LISTEN is in effect on every channel: from now on no change goes unnoticed. */
  onListening: () => void;
  /**
   * Not listening: the connection is gone, or could not be made. Changes may be missed until
   * `onListening` is called again. Called once per outage, not for every failed retry.
   */
  onLost: (error: unknown) => void;
  minBackoffMs?: number;
  maxBackoffMs?: number;
  connectTimeoutMs?: number;
  /** How often the connection is proven alive with a query; one unanswered within pingTimeoutMs drops it. */
  pingEveryMs?: number;
  pingTimeoutMs?: number;
}

export interface ChangeListener {
  isListening: () => boolean;
  stop: () => Promise<void>;
}

/**
 * LISTENs on a dedicated connection, outside the Prisma pool: a pooled connection is handed to other
 * queries and recycled, and LISTEN belongs to one session. When the connection drops (database
 * restart, network, idle kill) it reconnects with exponential backoff and jitter, so a fleet of
 * instances does not reconnect in lockstep, capped low so a recovered database is noticed quickly.
 * A connection that is silently dead (hung server, half-open TCP) raises no error and would just
 * deliver nothing, so it is pinged, and dropped when a ping goes unanswered. The ping is a NOTIFY on a
 * channel of its own that must come back on this connection, so it proves delivery, not just a live
 * socket. Through a transaction-mode pooler, LISTEN "succeeds" on a server connection that is then
 * handed to other clients, which get the notifications; the first ping that lands elsewhere drops
 * the listener, so the cache turns deaf (reads the database, counted in /api/health) rather than
 * serving stale prompts unnoticed. The first ping runs before `onListening`.
 */
export function startChangeListener(opts: ChangeListenerOptions): ChangeListener {
  const minBackoff = opts.minBackoffMs ?? 100;
  const maxBackoff = opts.maxBackoffMs ?? 2_000;
  let client: pg.Client | null = null;
  let listening = false;
  let stopped = false;
  let failures = 0;
  let reported = false; // onLost already called for the current outage
  let retry: NodeJS.Timeout | null = null;
  let pinger: NodeJS.Timeout | null = null;
  const pongs = new Map<string, () => void>(); // ping token → its waiter

  const scheduleReconnect = () => {
    if (stopped || retry) return;
    const delay = Math.min(maxBackoff, minBackoff * 2 ** failures) * (0.8 + Math.random() * 0.4);
    failures++;
    retry = setTimeout(() => {
      retry = null;
      void connect();
    }, delay);
    retry.unref();
  };

  const connect = async () => {
    const c = new pg.Client({
      connectionString: opts.url,
      connectionTimeoutMillis: opts.connectTimeoutMs ?? 2_000,
      keepAlive: true,
      application_name: "pm-change-listener", // to be told apart in pg_stat_activity
    });
    client = c;
    let lost = false;
    const lose = (error: unknown) => {
      if (lost) return;
      lost = true;
      listening = false;
      if (pinger) clearInterval(pinger);
      pinger = null;
      if (client === c) client = null;
      c.removeAllListeners("notification");
      c.end().catch(() => undefined);
      if (!stopped && !reported) opts.onLost(error);
      reported = true;
      scheduleReconnect();
    };
    c.on("error", lose);
    c.on("end", () => lose(new Error("listener connection ended")));
    c.on("notification", (m) => {
      if (m.channel === PING_CHANNEL) pongs.get(m.payload ?? "")?.();
      else opts.onNotify(m.channel, m.payload ?? "");
    });
    try {
      await c.connect();
      for (const channel of [PING_CHANNEL, ...opts.channels]) await c.query(`LISTEN ${pg.escapeIdentifier(channel)}`);
    } catch (error) {
      lose(error);
      return;
    }
    if (stopped || lost || !(await ping(c, lose)) || stopped || lost) return;
    failures = 0;
    reported = false;
    listening = true;
    pinger = setInterval(() => void ping(c, lose), opts.pingEveryMs ?? 5_000);
    pinger.unref();
    opts.onListening();
  };

  /** True when a notification sent now comes back on `c` in time; else drops the connection. */
  const ping = async (c: pg.Client, lose: (error: unknown) => void): Promise<boolean> => {
    const token = randomUUID();
    let timer: NodeJS.Timeout | undefined;
    const pong = new Promise<void>((resolve) => pongs.set(token, resolve));
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () => reject(new Error("listener connection did not deliver its ping notification")),
        opts.pingTimeoutMs ?? 2_000,
      );
    });
    try {
      await Promise.race([Promise.all([c.query("SELECT pg_notify($1, $2)", [PING_CHANNEL, token]), pong]), timeout]);
      return true;
    } catch (error) {
      lose(error);
      return false;
    } finally {
      clearTimeout(timer);
      pongs.delete(token);
    }
  };

  void connect();
  return {
    isListening: () => listening,
    stop: async () => {
      stopped = true;
      listening = false;
      if (retry) clearTimeout(retry);
      if (pinger) clearInterval(pinger);
      const c = client;
      client = null;
      if (c) {
        c.removeAllListeners();
        c.on("error", () => undefined);
        await c.end().catch(() => undefined);
      }
    },
  };
}
