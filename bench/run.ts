// `npm run bench`: resolve against health on the production build at 50 connections, with the cache
// on and off, at 100 and 100,000 prompt versions; EXPLAIN of the uncached query; invalidation delay
// between two instances; peak RSS of the server. Prints the figures and writes bench/RESULTS.md.
// Not a test: it asserts nothing, it measures. Knobs: BENCH_SECONDS (6), BENCH_ROUNDS (5),
// BENCH_SAVES (200), BENCH_LARGE_ROWS (100000), BENCH_ADMIN_URL.
import { writeFileSync } from "node:fs";
import os from "node:os";
import { ensureBuilt, startAppServer, type AppServer } from "@/scripts/lib/app-server";
import { authHeaders, createBenchApiKey } from "./api-key";
import { explainServingQuery, fillTo, openBenchDatabase } from "./lib/bench-database";
import { benchPrompt, resolveRequest } from "./lib/bench-prompt";
import { measureInvalidation } from "./lib/invalidation";
import { alternate, runLoad, summarize, type Target } from "./lib/load";
import { describeMachine, peakRss } from "./lib/machine";
import { renderReport, type BenchResults, type ConfigResult } from "./lib/report";

// Many short alternating rounds rather than a few long ones: other load on a shared machine comes and
// goes, and alternation spreads it over both endpoints.
const SECONDS = Number(process.env.BENCH_SECONDS ?? 6);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
const SAVES = Number(process.env.BENCH_SAVES ?? 200);
const LARGE = Number(process.env.BENCH_LARGE_ROWS ?? 100_000);
const SMALL = 100;

const log = (line: string) => console.log(`[bench] ${line}`);
const machine = describeMachine();
const loadAtStart = os.loadavg()[0]!;
log(`${machine.nproc} CPUs, ${machine.cpu}, ${machine.memory}; building if needed`);
ensureBuilt();

const database = await openBenchDatabase();
log(`database: ${database.where}`);
process.env.DATABASE_URL = database.url;
const servers: AppServer[] = [];
const stopAll = async () => { await Promise.all(servers.splice(0).map((s) => s.kill())); };
process.on("SIGINT", () => void stopAll().then(() => process.exit(130)));

try {
  // Seeding goes through the app's own services, like `npm run db:seed`.
  const { seedDemoPrompts } = await import("@/lib/server/services/seed-service");
  const { createPrompt } = await import("@/lib/server/services/prompt-service");
  const { SYSTEM_CALLER } = await import("@/lib/server/auth/actor");
  const { db } = await import("@/lib/server/db/client");
  await seedDemoPrompts({ onlyIfEmpty: true });
  await createPrompt(SYSTEM_CALLER, benchPrompt);
  await db().$disconnect();
  await fillTo(database.url, SMALL);

  const key = await createBenchApiKey();
  const health: Target = { label: "health", path: "/api/health", method: "GET" };
  const resolve: Target = {
    label: "resolve", path: "/api/resolve", method: "POST",
    headers: { "content-type": "application/json", ...authHeaders(key) }, body: JSON.stringify(resolveRequest),
  };

  const configs: ConfigResult[] = [];
  const explain: BenchResults["explain"] = [];
  let responseBytes = 0;
  for (const rows of [SMALL, LARGE]) {
    await fillTo(database.url, rows);
    const plan = await explainServingQuery(database.url);
    explain.push({ rows, ...plan });
    log(`${rows} rows: ${plan.plan.find((l) => /Scan/.test(l))?.trim()}`);
    for (const cache of ["on", "off"] as const) {
      const server = await startAppServer(database.url, cache === "off" ? { PM_CACHE: "off" } : {});
      servers.push(server);
      const probe = await fetch(`${server.url}/api/resolve`, { method: "POST", headers: resolve.headers, body: resolve.body });
      if (probe.status !== 200) throw new Error(`resolve answered ${probe.status}: ${await probe.text()}`);
      responseBytes = (await probe.arrayBuffer()).byteLength;
      const comparison = await alternate(server, health, resolve, ROUNDS, SECONDS);
      const rss = peakRss(server.pid);
      configs.push({ cache, rows, comparison, rss });
      const [h, r] = [summarize(comparison.health), summarize(comparison.resolve)];
      log(`${rows} rows, cache ${cache}: health ${Math.round(h.reqPerSec)} req/s p50 ${h.p50} p99 ${h.p99} (${Math.round(h.serverCpuUs)} µs CPU); ` +
        `resolve ${Math.round(r.reqPerSec)} req/s p50 ${r.p50} p99 ${r.p99} (${Math.round(r.serverCpuUs)} µs CPU); ratio ${(r.reqPerSec / h.reqPerSec).toFixed(2)}; ` +
        `peak RSS ${Math.round(rss.vmHwmKb / 1024)} MiB (${rss.name})`);
      await stopAll();
    }
  }

  // The servers above also served health, whose Prisma query path makes V8 grow its heap; this one
  // shows what resolve traffic alone needs.
  const solo = await startAppServer(database.url);
  servers.push(solo);
  for (let i = 0; i < ROUNDS; i++) await runLoad(solo, resolve, SECONDS);
  const resolveOnlyRss = peakRss(solo.pid);
  log(`resolve only, cache on: peak RSS ${Math.round(resolveOnlyRss.vmHwmKb / 1024)} MiB`);
  await stopAll();

  log(`invalidation: ${SAVES} saves on A, polling B`);
  const [a, b] = await Promise.all([startAppServer(database.url), startAppServer(database.url)]);
  servers.push(a, b);
  const invalidation = await measureInvalidation(a, b, SAVES, authHeaders(key));
  await stopAll();

  const report = renderReport({
    machine, load: { start: loadAtStart, end: os.loadavg()[0]! }, database: database.where, seconds: SECONDS, rounds: ROUNDS,
    prompt: { bytes: Buffer.byteLength(benchPrompt.body), placeholders: benchPrompt.requiredContextKeys.length, actions: benchPrompt.allowedActions.length, responseBytes },
    configs, explain, invalidation, resolveOnlyRss,
  });
  writeFileSync("bench/RESULTS.md", report);
  console.log(`\n${report}`);
  log("written to bench/RESULTS.md");
} finally {
  await stopAll();
  await database.close();
}
