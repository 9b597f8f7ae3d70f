import "server-only";
import pg from "pg";

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
 * deliver nothing, so it is pinged, and dropped when a ping goes unanswered.
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
    c.on("notification", (m) => opts.onNotify(m.channel, m.payload ?? ""));
    try {
      await c.connect();
      for (const channel of opts.channels) await c.query(`LISTEN ${pg.escapeIdentifier(channel)}`);
    } catch (error) {
      lose(error);
      return;
    }
    if (stopped || lost) return;
    failures = 0;
    reported = false;
    listening = true;
    pinger = setInterval(() => void ping(c, lose), opts.pingEveryMs ?? 5_000);
    pinger.unref();
    opts.onListening();
  };

  const ping = async (c: pg.Client, lose: (error: unknown) => void) => {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () => reject(new Error("listener connection did not answer a ping")),
        opts.pingTimeoutMs ?? 2_000,
      );
    });
    try {
      await Promise.race([c.query("SELECT 1"), timeout]);
    } catch (error) {
      lose(error);
    } finally {
      clearTimeout(timer);
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
