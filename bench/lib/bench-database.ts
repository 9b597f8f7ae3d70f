import pg from "pg";
import { PrismaPg } from "@prisma/adapter-pg";
import { startEmbedded, type EmbeddedDatabase } from "@/lib/server/db/embedded";
import { migrate } from "@/lib/server/db/migrate";
import { PrismaClient } from "@/lib/server/db/generated/client";
import { findServing } from "@/lib/server/repositories/prompt-repository";
import { PHASE_VALUES } from "@/lib/domain/catalog";
import { BENCH_PHASE } from "./bench-prompt";

export interface BenchServer {
  where: string;
  /** A fresh, migrated database; with `template`, a copy of that one (which must have no connections). */
  create: (name: string, template?: string) => Promise<string>;
  /** Drops the databases it created and stops the embedded server if it started one. */
  close: () => Promise<void>;
}

/**
 * The PostgreSQL the bench creates its databases on: the machine's (BENCH_ADMIN_URL, else
 * TEST_DATABASE_URL, else postgresql://postgres@127.0.0.1:5432/test), or an embedded server of the
 * bench's own when that one cannot be reached.
 */
export async function openBenchServer(): Promise<BenchServer> {
  let adminUrl =
    process.env.BENCH_ADMIN_URL ?? process.env.TEST_DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/test";
  let embedded: EmbeddedDatabase | null = null;
  if (!(await reachable(adminUrl))) {
    const port = Number(process.env.PM_BENCH_EMBEDDED_PORT ?? 54360);
    embedded = await startEmbedded({ dir: ".data/bench", port });
    adminUrl = embedded.url;
  }
  const serverVersion = (await query<{ server_version: string }>(adminUrl, "SHOW server_version"))[0]!.server_version;
  const created: string[] = [];
  const urlOf = (name: string) => {
    const url = new URL(adminUrl);
    url.pathname = `/${name}`;
    return url.toString();
  };
  return {
    where: embedded
      ? `embedded PostgreSQL ${serverVersion} (the machine's server was unreachable)`
      : `the machine's PostgreSQL ${serverVersion} (${new URL(adminUrl).host})`,
    create: async (name, template) => {
      await query(adminUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await query(adminUrl, `CREATE DATABASE ${name}${template ? ` TEMPLATE ${template}` : ""}`);
      created.push(name);
      if (!template) await migrate(urlOf(name));
      return urlOf(name);
    },
    close: async () => {
      for (const name of created) await query(adminUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await embedded?.stop();
    },
  };
}

async function reachable(url: string): Promise<boolean> {
  return query(url, "SELECT 1").then(
    () => true,
    () => false,
  );
}

export async function query<R extends pg.QueryResultRow = pg.QueryResultRow>(
  url: string,
  sql: string,
  values: unknown[] = [],
): Promise<R[]> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3_000 });
  await client.connect();
  try {
    return (await client.query<R>(sql, values)).rows;
  } finally {
    await client.end();
  }
}

/**
 * Grows `prompts` to `total` rows with one INSERT … SELECT generate_series, spread over every phase and
 * the phase-less prompts, each above its phase's highest version. The bench phase, the system context
 * and the phase-less rows get inactive versions only, so the resolve being measured stays the same
 * request with the same answer; the other phases get some active ones.
 */
export async function fillTo(url: string, total: number): Promise<number> {
  const n = (await query<{ n: number }>(url, "SELECT count(*)::int AS n FROM prompts"))[0]!.n;
  const missing = total - n;
  if (missing <= 0) return n;
  const phases = [...PHASE_VALUES, null];
  await query(
    url,
    `
    WITH base AS MATERIALIZED (
      SELECT p.phase, p.ord, coalesce((SELECT max(version) FROM prompts WHERE coaching_phase IS NOT DISTINCT FROM p.phase), 0) AS top
      FROM unnest($1::varchar[]) WITH ORDINALITY AS p(phase, ord)
    )
    INSERT INTO prompts (coaching_phase, version, name, body, prompt_type, is_active)
    SELECT b.phase, b.top + 1 + g / $3::int, 'bulk ' || g, repeat('An older draft of this phase, kept for history. ', 14) || g,
           CASE WHEN b.phase IS NULL THEN 'sentinel' ELSE 'coach' END,
           b.phase IS NOT NULL AND b.phase NOT IN ($4, 'system_context') AND (g / $3::int) % 3 = 0
    FROM generate_series(0, $2::int - 1) AS g JOIN base b ON b.ord = g % $3::int + 1`,
    [phases, missing, phases.length, BENCH_PHASE],
  );
  await query(url, "ANALYZE prompts");
  return total;
}

/**
 * EXPLAIN ANALYZE of the query an uncached resolve runs, exactly as Prisma sends it (captured from
 * Prisma's query log, then explained with the same parameters).
 */
export async function explainServingQuery(url: string): Promise<{ sql: string; plan: string[] }> {
  const prisma = new PrismaClient({
    adapter: new PrismaPg({ connectionString: url }),
    log: [{ emit: "event", level: "query" }],
  });
  const seen: { query: string; params: string }[] = [];
  prisma.$on("query", (e) => seen.push({ query: e.query, params: e.params }));
  try {
    await findServing(prisma, { phase: BENCH_PHASE });
  } finally {
    await prisma.$disconnect();
  }
  const captured = seen.find((q) => /FROM "public"\."prompts"/.test(q.query));
  if (!captured) throw new Error(`no prompts query captured: ${JSON.stringify(seen)}`);
  const rows = await query<{ "QUERY PLAN": string }>(
    url,
    `EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) ${captured.query}`,
    JSON.parse(captured.params) as unknown[],
  );
  return { sql: captured.query, plan: rows.map((r) => r["QUERY PLAN"]) };
}
