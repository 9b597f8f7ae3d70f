// `npm run bench`: resolve against health on the production build at 50 connections, cache on and off;
// the same resolve with 100 and with 100,000 prompt versions, and EXPLAIN of the uncached query;
// how soon instance B serves a save made on instance A; peak RSS of the server; and the fleet rows
// (bench/lib/fleet-bench.ts: 3 instances behind HAProxy against 1, through PgBouncer). Prints the
// figures and writes bench/RESULTS.md. Not a test: it asserts nothing, it measures.
// Knobs: BENCH_SECONDS (5), BENCH_ROUNDS (6), BENCH_SAVES (200), BENCH_FLEET_SAVES (100),
// BENCH_LARGE_ROWS (100000), BENCH_ADMIN_URL, PM_FLEET_PORT_BASE.
import { writeFileSync } from "node:fs";
import os from "node:os";
import { ensureBuilt, startAppServer, type AppServer } from "@/scripts/lib/app-server";
import { measureInvalidation } from "@/scripts/lib/invalidation-probe";
import { authHeaders } from "./api-key";
import { explainServingQuery, fillTo, openBenchServer } from "./lib/bench-database";
import { INVALIDATION_PHASE, benchPrompt, resolveRequest } from "./lib/bench-prompt";
import { prepareBenchDatabase } from "./lib/bench-setup";
import { benchFleet } from "./lib/fleet-bench";
import { renderFleetSection, spliceFleetSection } from "./lib/fleet-report";
import { interleave, summarize, type Target } from "./lib/load";
import { describeMachine, peakRss } from "./lib/machine";
import { renderReport } from "./lib/report";

// Many short interleaved rounds rather than a few long runs: other work on a shared machine comes and
// goes, and interleaving spreads it over every configuration alike.
const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 6);
const SAVES = Number(process.env.BENCH_SAVES ?? 200);
const LARGE = Number(process.env.BENCH_LARGE_ROWS ?? 100_000);
const SMALL = 100;

const log = (line: string) => console.log(`[bench] ${line}`);
const machine = describeMachine();
const loadAtStart = os.loadavg()[0]!;
log(`${machine.nproc} CPUs, ${machine.cpu}, ${machine.memory}; building if needed`);
ensureBuilt();

const pgServer = await openBenchServer();
log(`database: ${pgServer.where}`);
const servers: AppServer[] = [];
const start = async (url: string, cache: "on" | "off") => {
  const server = await startAppServer(url, cache === "off" ? { PM_CACHE: "off" } : {});
  servers.push(server);
  return server;
};
const stopAll = async () => {
  await Promise.all(servers.splice(0).map((s) => s.kill()));
};
process.on("SIGINT", () => void stopAll().then(() => process.exit(130)));

try {
  // Seeded through the app's own services (like `npm run db:seed`), then copied for the large table.
  const small = await pgServer.create("pm_bench");
  process.env.DATABASE_URL = small;
  const key = await prepareBenchDatabase();
  await fillTo(small, SMALL);
  const large = await pgServer.create("pm_bench_large", "pm_bench");
  await fillTo(large, LARGE);
  const explain = [
    { rows: SMALL, ...(await explainServingQuery(small)) },
    { rows: LARGE, ...(await explainServingQuery(large)) },
  ];
  for (const e of explain) log(`${e.rows} rows: ${e.plan.find((l) => /Scan/.test(l))?.trim()}`);

  const health: Target = { label: "health", path: "/api/health", method: "GET" };
  const resolve: Target = {
    label: "resolve",
    path: "/api/resolve",
    method: "POST",
    headers: { "content-type": "application/json", ...authHeaders(key) },
    body: JSON.stringify(resolveRequest),
  };

  const [on, off] = [await start(small, "on"), await start(small, "off")];
  const probe = await fetch(`${on.url}/api/resolve`, { method: "POST", headers: resolve.headers, body: resolve.body });
  if (probe.status !== 200) throw new Error(`resolve answered ${probe.status}: ${await probe.text()}`);
  const responseBytes = (await probe.arrayBuffer()).byteLength;

  log(`resolve against health, ${SMALL} rows, cache on and off: ${ROUNDS} rounds of 4 × ${SECONDS} s`);
  const ratio = await interleave(
    [
      { key: "on:health", server: on, target: health },
      { key: "on:resolve", server: on, target: resolve },
      { key: "off:health", server: off, target: health },
      { key: "off:resolve", server: off, target: resolve },
    ],
    ROUNDS,
    SECONDS,
  );
  for (const [k, runs] of Object.entries(ratio)) {
    const s = summarize(runs);
    log(
      `${k}: ${Math.round(s.reqPerSec)} req/s, p50 ${s.p50} ms, p99 ${s.p99} ms, ${Math.round(s.serverCpuUs)} µs CPU/req, ${s.failures} failed`,
    );
  }

  log(`scale: the same resolve at ${SMALL} and ${LARGE} rows, cache off and on: ${ROUNDS} rounds of 4 × ${SECONDS} s`);
  const [offLarge, onLarge] = [await start(large, "off"), await start(large, "on")];
  const scale = await interleave(
    [
      { key: `off:${SMALL}`, server: off, target: resolve },
      { key: `off:${LARGE}`, server: offLarge, target: resolve },
      { key: `on:${SMALL}`, server: on, target: resolve },
      { key: `on:${LARGE}`, server: onLarge, target: resolve },
    ],
    ROUNDS,
    SECONDS,
  );
  for (const [k, runs] of Object.entries(scale))
    log(`${k}: resolve p50 ${summarize(runs).p50} ms, ${Math.round(summarize(runs).reqPerSec)} req/s`);

  const rss = [
    { label: `cache on, ${SMALL} rows: health and resolve`, ...peakRss(on.pid) },
    { label: `cache off, ${SMALL} rows: health and resolve`, ...peakRss(off.pid) },
    { label: `cache on, ${LARGE} rows: resolve only`, ...peakRss(onLarge.pid) },
    { label: `cache off, ${LARGE} rows: resolve only`, ...peakRss(offLarge.pid) },
  ];
  for (const r of rss) log(`peak RSS ${r.label}: ${Math.round(r.vmHwmKb / 1024)} MiB (${r.name})`);
  await stopAll();

  log(`invalidation: ${SAVES} saves on A, polling B`);
  const [a, b] = [await start(small, "on"), await start(small, "on")];
  const invalidation = await measureInvalidation({
    saveOn: [a.url],
    watch: [b.url],
    saves: SAVES,
    headers: authHeaders(key),
    phase: INVALIDATION_PHASE,
  });
  log(`B served A's save after p50 ${invalidation.p50.toFixed(1)} ms, p99 ${invalidation.p99.toFixed(1)} ms`);
  await stopAll();

  const fleet = await benchFleet({
    machine,
    directUrl: small,
    resolve,
    headers: authHeaders(key),
    phase: INVALIDATION_PHASE,
    seconds: SECONDS,
    rounds: ROUNDS,
    saves: Number(process.env.BENCH_FLEET_SAVES ?? 100),
    log,
  });

  const report = spliceFleetSection(
    renderReport({
      machine,
      load: { start: loadAtStart, end: os.loadavg()[0]! },
      database: pgServer.where,
      seconds: SECONDS,
      rounds: ROUNDS,
      rows: { small: SMALL, large: LARGE },
      prompt: {
        bytes: Buffer.byteLength(benchPrompt.body),
        placeholders: benchPrompt.requiredContextKeys.length,
        actions: benchPrompt.allowedActions.length,
        responseBytes,
      },
      ratio,
      scale,
      explain,
      invalidation,
      rss,
    }),
    renderFleetSection(fleet),
  );
  writeFileSync("bench/RESULTS.md", report);
  console.log(`\n${report}`);
  log("written to bench/RESULTS.md");
} finally {
  await stopAll();
  await pgServer.close();
}
