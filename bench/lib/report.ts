import { CONNECTIONS, summarize, type RunFigures } from "./load";
import type { InvalidationFigures } from "@/scripts/lib/invalidation-probe";
import type { Machine } from "./machine";

export interface BenchResults {
  machine: Machine;
  /** 1-minute load average when the bench started and ended: other work on the machine moves req/s. */
  load: { start: number; end: number };
  database: string;
  seconds: number;
  rounds: number;
  rows: { small: number; large: number };
  prompt: { bytes: number; placeholders: number; actions: number; responseBytes: number };
  /** Keys "on:health", "on:resolve", "off:health", "off:resolve" (small table). */
  ratio: Record<string, RunFigures[]>;
  /** Keys "off:<rows>", "on:<rows>" for both table sizes. */
  scale: Record<string, RunFigures[]>;
  explain: { rows: number; sql: string; plan: string[] }[];
  invalidation: InvalidationFigures;
  rss: { label: string; name: string; vmHwmKb: number }[];
}

const ms = (v: number) => v.toFixed(v < 10 ? 2 : 1);
const int = (v: number) => Math.round(v).toLocaleString("en-US");
const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
};

export function renderReport(r: BenchResults): string {
  const runs = (key: string) => r.ratio[key] ?? r.scale[key] ?? [];
  const ratioOf = (cache: string) =>
    summarize(runs(`${cache}:resolve`)).reqPerSec / summarize(runs(`${cache}:health`)).reqPerSec;
  const costRatioOf = (cache: string) =>
    summarize(runs(`${cache}:health`)).serverCpuUs / summarize(runs(`${cache}:resolve`)).serverCpuUs;
  // Each round ran health and then resolve back to back: their ratio within a round shares its conditions.
  const roundRatios = (cache: string) =>
    runs(`${cache}:resolve`).map((res, i) => res.reqPerSec / runs(`${cache}:health`)[i]!.reqPerSec);
  const { small, large } = r.rows;

  const lines: string[] = [
    "# Benchmark results",
    "",
    `Measured by \`npm run bench\` on ${r.machine.date} at commit ${r.machine.commit}.`,
    "",
    `- Machine: ${r.machine.nproc} CPUs (\`nproc\`), ${r.machine.cpu}, ${r.machine.memory} memory, ${r.machine.os}, Node ${r.machine.node}. ` +
      `1-minute load average ${r.load.start.toFixed(1)} at the start, ${r.load.end.toFixed(1)} at the end: other work shares this machine, so req/s ` +
      "moves from run to run; the server's CPU time per request (from /proc) moves much less.",
    `- Database: ${r.database}; app pool ${process.env.PM_DB_POOL_SIZE ?? 10} connections.`,
    `- Server: production build (\`next start\`), one process per configuration; autocannon (programmatic, on the same machine) at ${CONNECTIONS} connections.`,
    `- ${r.rounds} rounds; each round runs every configuration of a table below for ${r.seconds} s, in the same order (after a 3 s warm-up of each). ` +
      "req/s is the mean over the rounds, p50 and p99 the median of the rounds' values.",
    `- Resolve: a ${(r.prompt.bytes / 1024).toFixed(1)} KB body with ${r.prompt.placeholders} placeholders and ${r.prompt.actions} allowed actions, after ` +
      `the system-context prompt; the answer is ${(r.prompt.responseBytes / 1024).toFixed(1)} KB. Health runs one \`SELECT 1\`.`,
    "",
    `## Resolve against health (${small} prompt versions)`,
    "",
    "| cache | endpoint | req/s | req/s per round | p50 ms | p99 ms | server CPU µs/req | failed |",
    "| --- | --- | ---: | --- | ---: | ---: | ---: | ---: |",
  ];
  for (const cache of ["on", "off"]) {
    for (const endpoint of ["health", "resolve"]) {
      const list = runs(`${cache}:${endpoint}`);
      const s = summarize(list);
      lines.push(
        `| ${cache} | ${endpoint} | ${int(s.reqPerSec)} | ${list.map((x) => int(x.reqPerSec)).join(" / ")} | ${ms(s.p50)} | ${ms(s.p99)} | ${int(s.serverCpuUs)} | ${s.failures} of ${int(s.requests)} |`,
      );
    }
  }
  lines.push(
    "",
    "| cache | ratio resolve/health of req/s | median of the rounds' ratios | cost ratio (health CPU/req ÷ resolve CPU/req) |",
    "| --- | ---: | ---: | ---: |",
  );
  for (const cache of ["on", "off"]) {
    lines.push(
      `| ${cache}${cache === "off" ? " (PM_CACHE=off)" : ""} | ${ratioOf(cache).toFixed(2)} | ${median(roundRatios(cache)).toFixed(2)} | ${costRatioOf(cache).toFixed(2)} |`,
    );
  }

  lines.push(
    "",
    `## Scale: the same resolve with ${int(small)} and ${int(large)} prompt versions`,
    "",
    `The large table is the small one plus ${int(large - small)} versions inserted by one \`INSERT … SELECT generate_series\`, spread over every phase ` +
      "(inactive in the resolved phase and the system context, so the answer stays the same). One server per table size, interleaved.",
    "",
    `| cache | p50 ms, ${int(small)} rows | p50 ms, ${int(large)} rows | change | req/s, ${int(small)} | req/s, ${int(large)} |`,
    "| --- | ---: | ---: | ---: | ---: | ---: |",
  );
  const p50Change = (cache: string) =>
    summarize(runs(`${cache}:${large}`)).p50 / summarize(runs(`${cache}:${small}`)).p50 - 1;
  for (const cache of ["off", "on"]) {
    const [a, b] = [summarize(runs(`${cache}:${small}`)), summarize(runs(`${cache}:${large}`))];
    lines.push(
      `| ${cache} | ${ms(a.p50)} | ${ms(b.p50)} | ${(p50Change(cache) * 100).toFixed(1)} % | ${int(a.reqPerSec)} | ${int(b.reqPerSec)} |`,
    );
  }
  for (const e of r.explain) {
    lines.push(
      "",
      `The uncached serving query at ${int(e.rows)} rows, as Prisma sends it, under \`EXPLAIN (ANALYZE, BUFFERS, COSTS OFF)\`:`,
      "",
      "```sql",
      e.sql,
      "```",
      "",
      "```",
      ...e.plan,
      "```",
    );
  }

  const inv = r.invalidation;
  lines.push(
    "",
    "## Invalidation across instances",
    "",
    `${inv.saves} saves on instance A; after each 201, instance B is polled back to back until it serves the new version ` +
      `(B answered from memory right before ${inv.warmBeforeSave} of the ${inv.saves} saves).`,
    "",
    "| p50 ms | p99 ms | max ms |",
    "| ---: | ---: | ---: |",
    `| ${ms(inv.p50)} | ${ms(inv.p99)} | ${ms(inv.max)} |`,
  );

  lines.push(
    "",
    "## Peak memory",
    "",
    "VmHWM of each Next server process (`/proc/<pid>/status`) at the end of its runs.",
    "",
    "| server | process | VmHWM |",
    "| --- | --- | ---: |",
  );
  for (const x of r.rss) lines.push(`| ${x.label} | \`${x.name}\` | ${(x.vmHwmKb / 1024).toFixed(0)} MiB |`);

  const verdict = (ok: boolean) => (ok ? "met" : "missed");
  lines.push(
    "",
    "## Against the targets",
    "",
    `- Ratio resolve/health ≥ 0.9 with the cache: **${ratioOf("on").toFixed(2)}** — ${verdict(ratioOf("on") >= 0.9)} ` +
      `(median of the rounds ${median(roundRatios("on")).toFixed(2)}, cost ratio ${costRatioOf("on").toFixed(2)}); without the cache ${ratioOf("off").toFixed(2)}`,
    ...["off", "on"].map(
      (c) =>
        `- Resolve p50 within 10 % from ${int(small)} to ${int(large)} rows, cache ${c}: **${(p50Change(c) * 100).toFixed(1)} %** — ${verdict(Math.abs(p50Change(c)) <= 0.1)}`,
    ),
    `- The uncached query is an index scan at both sizes: ${r.explain.every((e) => e.plan.some((l) => /Index (Only )?Scan/.test(l))) ? "yes" : "**no**"}`,
    `- B serves A's save within 100 ms at p99: **${ms(inv.p99)} ms** — ${verdict(inv.p99 <= 100)}`,
    `- Failed requests: ${[...Object.values(r.ratio), ...Object.values(r.scale)].flat().reduce((n, x) => n + x.failures, 0)}`,
  );
  return `${lines.join("\n")}\n`;
}
