import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import * as health from "@/app/api/health/route";
import { promptCacheListening } from "@/lib/server/cache/prompt-cache";
import { seedDemoPrompts } from "@/lib/server/services/seed-service";
import { apiKey } from "../support/auth";
import { authenticateCallsAs, call } from "../support/http";
import { CACHED_REQUESTS, ownDatabase, postResolve, resolveLoad } from "../support/fault-load";
import { startTcpProxy, type TcpProxy } from "../support/tcp-proxy";
import { waitFor } from "../support/wait";

// A database that hangs instead of refusing (stalled network, frozen server) is the harder outage: no
// error ever arrives. The app reaches its own PostgreSQL through a TCP proxy that the test freezes.
// In-process for the same reasons as fault-db-outage.test.ts.
const PORT = Number(process.env.PM_FAULT_EMBEDDED_PORT ?? 54361) + 1;
let own: Awaited<ReturnType<typeof ownDatabase>>;
let proxy: TcpProxy;

beforeAll(async () => {
  own = await ownDatabase(PORT);
  proxy = await startTcpProxy(PORT);
  const viaProxy = new URL(own.database.url);
  viaProxy.port = String(proxy.port);
  process.env.DATABASE_URL = viaProxy.toString();
  vi.stubEnv("PM_CACHE_PING_MS", "300"); // notice the hang within ~0.6 s instead of ~7 s
  await seedDemoPrompts({ onlyIfEmpty: true });
  authenticateCallsAs((await apiKey(["resolve", "prompts:read", "prompts:write"])).headers);
  await waitFor("the change listener", () => promptCacheListening() === true);
}, 120_000);

afterAll(async () => {
  vi.unstubAllEnvs();
  await proxy?.close();
  await own?.remove();
});

describe("database hanging under a resolve load", () => {
  it("answers every resolve within ~1 s from the last known good prompt, reports degraded health, and recovers", async () => {
    for (const body of CACHED_REQUESTS) expect((await postResolve(body)).status).toBe(200);
    const load = resolveLoad(8);
    await new Promise((r) => setTimeout(r, 300));

    proxy.freeze();
    const frozen = Date.now();
    // The listener's ping goes unanswered: the cache stops trusting itself and every resolve tries
    // the (hanging) database, giving up on it after PM_CACHE_STALE_AFTER_MS (1 s).
    const noticed =
      frozen + (await waitFor("the listener to notice the hang", () => promptCacheListening() === false, 3_000, 10));
    const h = await call(health.GET);
    expect([h.status, h.body]).toMatchObject([200, { status: "degraded", db: "down" }]);
    await new Promise((r) => setTimeout(r, 2_500));

    proxy.thaw();
    const thawed = Date.now();
    await waitFor(
      "fresh answers after the stall",
      async () => (await postResolve(CACHED_REQUESTS[0])).headers.get("x-prompt-cache") !== "stale",
      5_000,
      50,
    );
    await load.stop();

    const { samples } = load;
    expect(samples.filter((s) => s.status !== 200)).toEqual([]);
    const slowest = Math.max(...samples.map((s) => s.ms));
    expect(slowest).toBeLessThan(1_500);
    const stalled = samples.filter((s) => s.at > noticed + 1_100 && s.at < thawed);
    expect(stalled.length).toBeGreaterThanOrEqual(8); // each of the 8 workers waits ~1 s per answer now
    expect(stalled.filter((s) => s.cache !== "stale")).toEqual([]);
    console.log(
      `database hanging: noticed after ${noticed - frozen} ms, ${stalled.length} stale answers, slowest answer ${slowest} ms`,
    );
  }, 60_000);
});
