import { z } from "zod";

// No "server-only" here: `npm run serve` reads this before it loads Next, outside a React server bundle.
// It holds rules and defaults, never a value.

/**
 * Every setting the server reads from its environment, in one schema: `npm run serve` checks it
 * before it starts (one line per bad setting, exit 1), and the code that uses a setting reads it
 * through `serverEnv()` so the default and the rule live only here.
 */
type Env = Record<string, string | undefined>;

// An unset and an empty variable mean the same: "use the default".
const unsetIfEmpty = (v: unknown) => (v === "" ? undefined : v);

function count(min: number, fallback: number, what: string) {
  const parsed = z
    .string()
    .regex(/^\d+$/, `must be a whole number (${what}) of at least ${min}`)
    .transform(Number)
    .pipe(z.number().min(min, `must be a whole number (${what}) of at least ${min}`));
  return z.preprocess(unsetIfEmpty, parsed.default(fallback));
}

const POSTGRES_URL = /^postgres(ql)?:\/\/[^\s]+$/;
const postgresUrl = z.string().regex(POSTGRES_URL, "must be a postgresql:// URL");

const listenAddress = z.string().regex(/^[^\s/]+$/, "must be an address to listen on (127.0.0.1, 0.0.0.0, ::)");

const settings = {
  /** The PostgreSQL the app uses; may go through a transaction-mode pooler (PgBouncer). */
  DATABASE_URL: z.preprocess(unsetIfEmpty, postgresUrl.optional()),
  /** A direct (session-mode) connection for LISTEN and the migration lock; DATABASE_URL when unset. */
  PM_LISTEN_DATABASE_URL: z.preprocess(unsetIfEmpty, postgresUrl.optional()),
  PORT: z.preprocess(
    unsetIfEmpty,
    z
      .string()
      .regex(/^\d+$/, "must be a port number (1–65535)")
      .transform(Number)
      .pipe(z.number().min(1, "must be a port number (1–65535)").max(65535, "must be a port number (1–65535)"))
      .default(3000),
  ),
  /**
   * Address `npm start` and `npm run serve` bind: loopback unless asked, so a first start is never
   * reachable from the network; 0.0.0.0 (or ::) to serve others (e.g. a balancer on another host).
   */
  HOST: z.preprocess(unsetIfEmpty, listenAddress.default("127.0.0.1")),
  /** The older name of HOST (`npm run serve` read it first); it wins when both are set. */
  PM_HOST: z.preprocess(unsetIfEmpty, listenAddress.optional()),
  NEXTAUTH_SECRET: z.preprocess(unsetIfEmpty, z.string().min(32, "must be at least 32 characters").optional()),
  NEXTAUTH_URL: z.preprocess(unsetIfEmpty, z.url("must be an absolute URL").optional()),
  PM_DB_POOL_SIZE: count(1, 10, "connections"),
  PM_DB_CONNECT_TIMEOUT_MS: count(1, 1_000, "milliseconds"),
  PM_CACHE: z.preprocess(unsetIfEmpty, z.enum(["on", "off"], 'must be "on" or "off"').default("on")),
  PM_CACHE_TTL_MS: count(1, 60_000, "milliseconds"),
  PM_CACHE_STALE_AFTER_MS: count(1, 1_000, "milliseconds"),
  PM_CACHE_MAX_ENTRIES: count(1, 10_000, "entries"),
  PM_CACHE_PING_MS: count(1, 5_000, "milliseconds"),
  /** How long a SIGTERM'd server keeps answering (not ready) before it closes its streams and exits. */
  PM_DRAIN_MS: count(0, 5_000, "milliseconds"),
  /** Webhooks: wait before the first retry (doubling after each failure, 7 attempts in all). */
  PM_WEBHOOK_RETRY_BASE_MS: count(1, 60_000, "milliseconds"),
  /** Webhooks: longest wait for a receiver's answer; slower counts as a failed attempt. */
  PM_WEBHOOK_TIMEOUT_MS: count(1, 5_000, "milliseconds"),
  /** Webhooks: how often each instance's worker looks for due deliveries without being woken. */
  PM_WEBHOOK_POLL_MS: count(1, 5_000, "milliseconds"),
};

// HOST is the address to bind, whichever of its two names gave it.
const withHost = <T extends { HOST: string; PM_HOST?: string }>(env: T): T => ({
  ...env,
  HOST: env.PM_HOST ?? env.HOST,
});
const envSchema = z.object(settings).transform(withHost);
// `npm run serve` never starts an embedded database nor generates a secret: both must be given.
const serveSchema = z
  .object(settings)
  .extend({
    DATABASE_URL: z.preprocess(unsetIfEmpty, postgresUrl.optional()).refine((v) => v !== undefined, {
      message: "is required (the PostgreSQL to use, e.g. postgresql://user@host:5432/db)",
    }),
    NEXTAUTH_SECRET: z
      .preprocess(unsetIfEmpty, z.string().min(32, "must be at least 32 characters").optional())
      .refine((v) => v !== undefined, {
        message: "is required (at least 32 characters; the same on every instance)",
      }),
  })
  .transform(withHost);

export type ServerEnv = z.output<typeof envSchema>;

// Values of these never appear in an error line: they carry credentials.
const SECRET = new Set(["DATABASE_URL", "PM_LISTEN_DATABASE_URL", "NEXTAUTH_SECRET"]);

function pick(env: Env): Env {
  return Object.fromEntries(Object.keys(settings).map((k) => [k, env[k]]));
}

/** One line per bad setting: `PM_DRAIN_MS must be a whole number … (got "soon")`. */
function problems(error: z.ZodError, env: Env): string[] {
  const lines = new Map<string, string>();
  for (const issue of error.issues) {
    const name = String(issue.path[0]);
    if (lines.has(name)) continue;
    const value = env[name];
    const got = value === undefined || SECRET.has(name) ? "" : ` (got ${JSON.stringify(value)})`;
    lines.set(name, `${name} ${issue.message}${got}`);
  }
  return [...lines.values()];
}

export class EnvError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid environment: ${problems.join("; ")}`);
  }
}

/** The server's settings with their defaults; a bad value throws EnvError naming every bad setting. */
export function serverEnv(env: Env = process.env): ServerEnv {
  const result = envSchema.safeParse(pick(env));
  if (!result.success) throw new EnvError(problems(result.error, env));
  return result.data;
}

/** What `npm run serve` checks before starting: the settings, plus DATABASE_URL and NEXTAUTH_SECRET given. */
export function checkServeEnv(
  env: Env = process.env,
): { ok: true; env: ServerEnv } | { ok: false; problems: string[] } {
  const result = serveSchema.safeParse(pick(env));
  return result.success ? { ok: true, env: result.data } : { ok: false, problems: problems(result.error, env) };
}
