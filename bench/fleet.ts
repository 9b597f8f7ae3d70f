// `npm run bench:fleet`: only the fleet rows of `npm run bench` (3 instances behind HAProxy against 1,
// PgBouncer in transaction mode; cross-instance invalidation through the pooler), on a bench database
// of its own. Renews the fleet section of bench/RESULTS.md and leaves the rest as it was.
// Knobs: BENCH_SECONDS (5), BENCH_ROUNDS (6), BENCH_FLEET_SAVES (100), BENCH_ADMIN_URL, PM_FLEET_PORT_BASE.
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { ensureBuilt } from "@/scripts/lib/app-server";
import { authHeaders } from "./api-key";
import { openBenchServer } from "./lib/bench-database";
import { INVALIDATION_PHASE, resolveRequest } from "./lib/bench-prompt";
import { prepareBenchDatabase } from "./lib/bench-setup";
import { benchFleet } from "./lib/fleet-bench";
import { renderFleetSection, spliceFleetSection } from "./lib/fleet-report";
import { describeMachine } from "./lib/machine";

const log = (line: string) => console.log(`[bench] ${line}`);
const machine = describeMachine();
log(`${machine.nproc} CPUs, ${machine.cpu}, ${machine.memory}; building if needed`);
ensureBuilt();
const pgServer = await openBenchServer();
try {
  const url = await pgServer.create("pm_bench_fleet");
  process.env.DATABASE_URL = url;
  const key = await prepareBenchDatabase();
  const figures = await benchFleet({
    machine,
    directUrl: url,
    resolve: {
      label: "resolve",
      path: "/api/resolve",
      method: "POST",
      headers: { "content-type": "application/json", ...authHeaders(key) },
      body: JSON.stringify(resolveRequest),
    },
    headers: authHeaders(key),
    phase: INVALIDATION_PHASE,
    seconds: Number(process.env.BENCH_SECONDS ?? 5),
    rounds: Number(process.env.BENCH_ROUNDS ?? 6),
    saves: Number(process.env.BENCH_FLEET_SAVES ?? 100),
    log,
  });
  const section = renderFleetSection(figures);
  const before = existsSync("bench/RESULTS.md") ? readFileSync("bench/RESULTS.md", "utf8") : "# Benchmark results\n";
  writeFileSync("bench/RESULTS.md", spliceFleetSection(before, section));
  console.log(`\n${section}`);
  log("fleet section written to bench/RESULTS.md");
} finally {
  await pgServer.close();
}
