import autocannon from "autocannon";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ensureBuilt } from "@/scripts/lib/app-server";
import {
  FLEET_PORT_BASE,
  requireFleetBinaries,
  startHaproxy,
  startPgBouncer,
  type Balancer,
  type Daemon,
} from "@/scripts/lib/fleet";
import { startServe, type ServeProcess } from "@/scripts/lib/serve-process";
import { seedDemoPrompts } from "@/lib/server/services/seed-service";
import { apiKey } from "../support/auth";
import { serveOnSave } from "../support/serving";
import { waitFor } from "../support/wait";

// The fleet, as real processes on loopback: HAProxy in front of three `npm run serve` instances, whose
// pool goes through PgBouncer in transaction mode to this file's database, and whose change listener
// connects directly (PM_LISTEN_DATABASE_URL). Ports: scripts/lib/fleet.ts (PM_FLEET_PORT_BASE).
const directUrl = process.env.DATABASE_URL!;
const instancePorts = [10, 11, 12].map((offset) => FLEET_PORT_BASE + offset);
const DRAIN_MS = 4_000; // longer than HAProxy needs to see two failed readiness checks
const instances: (ServeProcess | null)[] = [null, null, null];
let bouncer: Daemon & { url: string };
let balancer: Balancer;
let headers: Record<string, string>;
const intro = JSON.stringify({ phase: "introduction", context: { user_name: "Ada" } });

async function startInstance(i: number): Promise<ServeProcess> {
  const server = await startServe(instancePorts[i]!, {
    DATABASE_URL: bouncer.url,
    PM_LISTEN_DATABASE_URL: directUrl,
    NEXTAUTH_SECRET: process.env.NEXTAUTH_SECRET!,
    PM_DRAIN_MS: String(DRAIN_MS),
    PM_DB_POOL_SIZE: "4",
  });
  instances[i] = server;
  return server;
}

const upInBalancer = (name: string) => async () => (await balancer.serverStates())[name] === "UP";

beforeAll(async () => {
  requireFleetBinaries();
  ensureBuilt();
  await seedDemoPrompts({ onlyIfEmpty: true });
  await serveOnSave(); // a save goes to production at once: the cross-instance check measures that
  headers = {
    ...(await apiKey(["resolve", "prompts:read", "prompts:write"])).headers,
    "content-type": "application/json",
  };
  bouncer = await startPgBouncer(directUrl);
  balancer = await startHaproxy(instancePorts);
  await Promise.all([0, 1, 2].map(startInstance));
  for (const name of ["i1", "i2", "i3"]) await waitFor(`${name} UP in HAProxy`, upInBalancer(name), 20_000, 100);
}, 300_000);

afterAll(async () => {
  await Promise.all(instances.map((s) => s?.kill("SIGKILL")));
  await balancer?.stop();
  await bouncer?.stop();
});

/** Steady bounded resolve load through the balancer until `during` is done; every non-200 counts. */
async function underLoad(during: () => Promise<void>) {
  const run = autocannon({
    url: `${balancer.url}/api/resolve`,
    method: "POST",
    headers,
    body: intro,
    connections: 8,
    overallRate: 120, // requests per second in all: steady, and modest on a shared 2-core machine
    duration: 600,
  });
  await new Promise((r) => setTimeout(r, 1_000));
  try {
    await during();
  } finally {
    await new Promise((r) => setTimeout(r, 1_000));
    run.stop();
  }
  const result = await run;
  return {
    sent: result.requests.total,
    failed: result.errors + result.timeouts + result.non2xx,
    statusCodes: result.statusCodeStats,
  };
}

describe("a fleet of three behind HAProxy and PgBouncer (transaction mode)", () => {
  it("restarts every instance in turn (SIGTERM, drain, start) with 0 failed resolves", async () => {
    const exits: (number | string)[] = [];
    const load = await underLoad(async () => {
      for (const i of [0, 1, 2]) {
        const name = `i${i + 1}`;
        const old = instances[i]!;
        process.kill(old.pid, "SIGTERM");
        // Readiness turns 503 at once, so the balancer takes the instance out while it still answers.
        await waitFor(`${name} out of rotation`, async () => !(await upInBalancer(name)()), DRAIN_MS, 20);
        exits.push(await old.exited);
        await startInstance(i);
        await waitFor(`${name} back in rotation`, upInBalancer(name), 20_000, 50);
      }
    });
    console.log(`rolling restart: ${load.sent} resolves, ${load.failed} failed`, load.statusCodes);
    expect(exits).toEqual([0, 0, 0]);
    expect(load.sent).toBeGreaterThan(100);
    expect(load.failed).toBe(0);
  }, 400_000);

  it("serves a save made on one instance from all three, through the pooler, within milliseconds", async () => {
    const saves = 30;
    const delays: number[] = [];
    const resolveOn = (port: number) =>
      fetch(`http://127.0.0.1:${port}/api/resolve`, { method: "POST", headers, body: intro }).then(
        async (r) => ((await r.json()) as { prompt: { version: number } }).prompt.version,
      );
    // Every instance answers introduction from memory before the first save.
    for (const port of instancePorts) await resolveOn(port);
    for (let n = 0; n < saves; n++) {
      const created = await fetch(`http://127.0.0.1:${instancePorts[n % 3]}/api/prompts`, {
        method: "POST",
        headers,
        body: JSON.stringify({
          coachingPhase: "introduction",
          name: `fleet ${n}`,
          body: `Hello {user_name} (${n})`,
          requiredContextKeys: ["user_name"],
          isActive: true,
        }),
      });
      expect(created.status).toBe(201);
      const { version } = (await created.json()) as { version: number };
      const saved = performance.now();
      await Promise.all(
        instancePorts.map(async (port) => {
          while ((await resolveOn(port)) !== version) {
            if (performance.now() - saved > 5_000) throw new Error(`instance on ${port} never served v${version}`);
          }
          delays.push(performance.now() - saved);
        }),
      );
    }
    delays.sort((a, b) => a - b);
    const at = (q: number) => delays[Math.min(delays.length - 1, Math.ceil(q * delays.length) - 1)]!;
    console.log(
      `save on one instance → served by all three: p50 ${at(0.5).toFixed(1)} ms, p99 ${at(0.99).toFixed(1)} ms, ` +
        `max ${at(1).toFixed(1)} ms (${delays.length} samples; goal p99 ≤ 100 ms)`,
    );
    // Invalidation, not the 60 s TTL: a wide bound, since the figure itself is the bench's to report.
    expect(at(1)).toBeLessThan(5_000);
    for (const port of instancePorts) {
      const health = await fetch(`http://127.0.0.1:${port}/api/health`).then((r) => r.json());
      expect(health).toMatchObject({ status: "ok", db: "up", listener: "up", deafResolves: 0 });
    }
  }, 120_000);

  it("keeps resolves at 0 failures when an instance is killed with -9 (the balancer retries them)", async () => {
    const load = await underLoad(async () => {
      await new Promise((r) => setTimeout(r, 500));
      await instances[1]!.kill("SIGKILL");
      instances[1] = null;
      await waitFor("i2 marked down", async () => !(await upInBalancer("i2")()), 5_000, 20);
      await new Promise((r) => setTimeout(r, 1_000));
    });
    console.log(`kill -9: ${load.sent} resolves, ${load.failed} failed`, load.statusCodes);
    expect(load.sent).toBeGreaterThan(100);
    expect(load.failed).toBe(0);
  }, 120_000);

  it("went through PgBouncer in transaction mode for every query of the pool", async () => {
    const admin = new pg.Client({ connectionString: bouncer.url.replace(/\/[^/]*$/, "/pgbouncer") });
    await admin.connect();
    try {
      const { rows } = await admin.query<{ database: string; total_xact_count: string }>("SHOW STATS");
      const ours = rows.find((r) => r.database === new URL(directUrl).pathname.slice(1));
      // Warm resolves run no SQL at all; saves, misses, warm-ups and key lookups did go through it.
      expect(Number(ours?.total_xact_count)).toBeGreaterThan(50);
      const { rows: config } = await admin.query<{ key: string; value: string }>("SHOW CONFIG");
      expect(config.find((r) => r.key === "pool_mode")?.value).toBe("transaction");
    } finally {
      await admin.end();
    }
  });
});
