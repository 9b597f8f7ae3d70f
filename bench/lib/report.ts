import { CONNECTIONS, summarize, type Comparison, type RunFigures } from "./load";
import type { InvalidationFigures } from "./invalidation";
import type { Machine } from "./machine";

export interface ConfigResult { cache: "on" | "off"; rows: number; comparison: Comparison; rss: { name: string; vmHwmKb: number } }

export interface BenchResults {
  machine: Machine;
  /** 1-minute load average when the bench started and ended: other work on the machine skews req/s. */
  load: { start: number; end: number };
  database: string;
  seconds: number;
  rounds: number;
  prompt: { bytes: number; placeholders: number; actions: number; responseBytes: number };
  configs: ConfigResult[];
  explain: { rows: number; sql: string; plan: string[] }[];
  invalidation: InvalidationFigures;
  /** A fresh cache-on server under resolve load only, ROUNDS runs. */
  resolveOnlyRss: { name: string; vmHwmKb: number };
}

const ms = (v: number) => v.toFixed(v < 10 ? 2 : 1);
const rps = (v: number) => Math.round(v).toLocaleString("en-US");
const ratioOf = (c: Comparison) => summarize(c.resolve).reqPerSec / summarize(c.health).reqPerSec;
const costRatioOf = (c: Comparison) => summarize(c.health).serverCpuUs / summarize(c.resolve).serverCpuUs;

function runsCell(runs: RunFigures[]): string {
  return runs.map((r) => rps(r.reqPerSec)).join(" / ");
}

export function renderReport(r: BenchResults): string {
  const find = (cache: "on" | "off", rows: number) => r.configs.find((c) => c.cache === cache && c.rows === rows);
  const sizes = [...new Set(r.configs.map((c) => c.rows))].sort((a, b) => a - b);
  const [small, large] = [sizes[0]!, sizes.at(-1)!];
  const lines: string[] = [
    "# Benchmark results",
    "",
    `Measured by \`npm run bench\` on ${r.machine.date} at commit ${r.machine.commit}.`,
    "",
    `- Machine: ${r.machine.nproc} CPUs (\`nproc\`), ${r.machine.cpu}, ${r.machine.memory} memory, ${r.machine.os}, Node ${r.machine.node}; ` +
      `1-minute load average ${r.load.start.toFixed(1)} at the start and ${r.load.end.toFixed(1)} at the end (other work shares this machine, so req/s moves from run to run; ` +
      "the server's CPU time per request, read from /proc, moves much less)",
    `- Database: ${r.database}; app pool ${process.env.PM_DB_POOL_SIZE ?? 10} connections`,
    `- Server: production build, \`next start\`, one instance; load from autocannon (programmatic, same machine) at ${CONNECTIONS} connections`,
    `- Runs: ${r.seconds} s each, health and resolve alternating, ${r.rounds} rounds after a 2 s warm-up of each; req/s is the mean of the rounds, p50/p99 the median of the rounds' values`,
    `- Resolve request: a ${(r.prompt.bytes / 1024).toFixed(1)} KB body with ${r.prompt.placeholders} placeholders and ${r.prompt.actions} allowed actions, plus the system-context prompt; the answer is ${(r.prompt.responseBytes / 1024).toFixed(1)} KB`,
    "",
    "## Resolve against health",
    "",
    "| rows in `prompts` | cache | endpoint | req/s (mean) | req/s per round | p50 ms | p99 ms | server CPU µs/req | failed |",
    "| ---: | --- | --- | ---: | --- | ---: | ---: | ---: | ---: |",
  ];
  for (const c of r.configs) {
    for (const endpoint of ["health", "resolve"] as const) {
      const s = summarize(c.comparison[endpoint]);
      lines.push(`| ${c.rows.toLocaleString("en-US")} | ${c.cache} | ${endpoint} | ${rps(s.reqPerSec)} | ${runsCell(c.comparison[endpoint])} | ${ms(s.p50)} | ${ms(s.p99)} | ${Math.round(s.serverCpuUs)} | ${s.failures} of ${s.requests.toLocaleString("en-US")} |`);
    }
  }
  lines.push("", "Ratio resolve/health of req/s, and of cost (health's server CPU per request over resolve's):", "",
    "| rows | cache on: req/s ratio | cache on: cost ratio | cache off: req/s ratio | cache off: cost ratio |", "| ---: | ---: | ---: | ---: | ---: |");
  const cell = (c: ConfigResult | undefined, f: (c: Comparison) => number) => (c ? f(c.comparison).toFixed(2) : "—");
  for (const rows of sizes) {
    const on = find("on", rows);
    const off = find("off", rows);
    lines.push(`| ${rows.toLocaleString("en-US")} | ${cell(on, ratioOf)} | ${cell(on, costRatioOf)} | ${cell(off, ratioOf)} | ${cell(off, costRatioOf)} |`);
  }

  lines.push("", `## Scale: ${small.toLocaleString("en-US")} against ${large.toLocaleString("en-US")} prompt versions`, "",
    "| cache | resolve p50 ms, small table | resolve p50 ms, large table | change |", "| --- | ---: | ---: | ---: |");
  for (const cache of ["on", "off"] as const) {
    const a = find(cache, small);
    const b = find(cache, large);
    if (!a || !b) continue;
    const [pa, pb] = [summarize(a.comparison.resolve).p50, summarize(b.comparison.resolve).p50];
    lines.push(`| ${cache} | ${ms(pa)} | ${ms(pb)} | ${(((pb - pa) / pa) * 100).toFixed(1)} % |`);
  }
  for (const e of r.explain) {
    lines.push("", `Uncached serving query with ${e.rows.toLocaleString("en-US")} rows (as Prisma sends it; \`EXPLAIN (ANALYZE, BUFFERS, COSTS OFF)\`):`, "",
      "```sql", e.sql, "```", "", "```", ...e.plan, "```");
  }

  const inv = r.invalidation;
  lines.push("", "## Invalidation across instances", "",
    `${inv.saves} saves on instance A; after each 201, instance B is polled back to back until it serves the new version ` +
    `(B was answering from memory before ${inv.warmBeforeSave} of the ${inv.saves} saves).`, "",
    "| p50 ms | p99 ms | max ms |", "| ---: | ---: | ---: |", `| ${ms(inv.p50)} | ${ms(inv.p99)} | ${ms(inv.max)} |`);

  lines.push("", "## Peak memory of the server process", "", "VmHWM of the Next server process itself (`/proc/<pid>/status`), after its runs.", "",
    "| rows | cache | traffic | process | VmHWM |", "| ---: | --- | --- | --- | ---: |");
  const mib = (kb: number) => `${(kb / 1024).toFixed(0)} MiB`;
  for (const c of r.configs) lines.push(`| ${c.rows.toLocaleString("en-US")} | ${c.cache} | health and resolve | \`${c.rss.name}\` | ${mib(c.rss.vmHwmKb)} |`);
  lines.push(`| ${large.toLocaleString("en-US")} | on | resolve only | \`${r.resolveOnlyRss.name}\` | ${mib(r.resolveOnlyRss.vmHwmKb)} |`);

  lines.push("", "## Against the targets", "");
  const smallOn = find("on", small);
  const ratio = smallOn ? ratioOf(smallOn.comparison) : Number.NaN;
  lines.push(`- Ratio resolve/health with the cache ≥ 0.9: **${ratio.toFixed(2)}** — ${ratio >= 0.9 ? "met" : "missed"} ` +
    `(cost ratio ${smallOn ? costRatioOf(smallOn.comparison).toFixed(2) : "—"})`);
  for (const cache of ["on", "off"] as const) {
    const a = find(cache, small);
    const b = find(cache, large);
    if (!a || !b) continue;
    const change = Math.abs(summarize(b.comparison.resolve).p50 / summarize(a.comparison.resolve).p50 - 1);
    lines.push(`- Resolve p50 within 10 % from ${small} to ${large.toLocaleString("en-US")} rows, cache ${cache}: **${(change * 100).toFixed(1)} %** — ${change <= 0.1 ? "met" : "missed"}`);
  }
  const indexScan = r.explain.every((e) => e.plan.some((l) => /Index (Only )?Scan/.test(l)));
  lines.push(`- Uncached query uses an index scan at every size: ${indexScan ? "yes" : "**no**"}`);
  lines.push(`- B serves A's save within 100 ms at p99: **${ms(inv.p99)} ms** — ${inv.p99 <= 100 ? "met" : "missed"}`);
  const failures = r.configs.reduce((n, c) => n + summarize(c.comparison.health).failures + summarize(c.comparison.resolve).failures, 0);
  lines.push(`- Failed requests during the load runs: ${failures}`);
  return `${lines.join("\n")}\n`;
}
