import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as collection from "@/app/api/prompts/route";
import * as health from "@/app/api/health/route";
import { promptCacheListening } from "@/lib/server/cache/prompt-cache";
import { seedDemoPrompts } from "@/lib/server/services/seed-service";
import { apiKey } from "../support/auth";
import { authenticateCallsAs, call } from "../support/http";
import { CACHED_REQUESTS, ownDatabase, postResolve, resolveLoad } from "../support/fault-load";
import { waitFor } from "../support/wait";

// The database is stopped and started for real, so it is a PostgreSQL of this test's own on a port of
// the range reserved for this suite, never the shared server the other tests use.
//
// In-process on purpose: what is under test (cache, connection pool, change listener, error mapping)
// runs the same inside `next start`, and in-process needs no production build, takes seconds, and
// lets the test stop the database at an exact moment. The faults that need a real server process
// (kill -9, two instances) start `next start` in server-process-faults.test.ts.
const PORT = Number(process.env.PM_FAULT_EMBEDDED_PORT ?? 54361);
let own: Awaited<ReturnType<typeof ownDatabase>>;

beforeAll(async () => {
  own = await ownDatabase(PORT);
  process.env.DATABASE_URL = own.database.url; // before the app's first query: its pool and listener use it
  await seedDemoPrompts({ onlyIfEmpty: true });
  authenticateCallsAs((await apiKey(["resolve", "prompts:read", "prompts:write"])).headers);
  await waitFor("the change listener", () => promptCacheListening() === true);
}, 120_000);

afterAll(() => own?.remove());

describe("database stopped under a resolve load", () => {
  it("serves cached phases as stale without a single 5xx, refuses writes with 503, and recovers by itself", async () => {
    for (const body of CACHED_REQUESTS) expect((await postResolve(body)).status).toBe(200);
    const load = resolveLoad(8);
    await new Promise((r) => setTimeout(r, 300));

    await own.database.stop();
    const down = Date.now();

    // While it is down: writes 503 db_unavailable, health degraded (200), an uncached phase 503, all fast.
    const write = await call(collection.POST, { method: "POST", body: { coachingPhase: "introduction", body: "x" } });
    expect([write.status, write.body.error.code]).toEqual([503, "db_unavailable"]);
    const h = await call(health.GET);
    expect([h.status, h.body]).toMatchObject([200, { status: "degraded", db: "down" }]);
    const started = Date.now();
    const uncached = await postResolve({ phase: "identity_visualization", context: {} });
    expect([uncached.status, uncached.body.error.code]).toEqual([503, "db_unavailable"]);
    expect(Date.now() - started).toBeLessThan(2_000);
    await new Promise((r) => setTimeout(r, 1_500));

    const upStarted = Date.now();
    await own.restart();
    const up = Date.now();
    // A change made right after the restart must be served within 5 s: proof the answers are fresh again.
    const raw = new pg.Client({ connectionString: own.database.url });
    await raw.connect();
    const { rows } = await raw.query<{ version: number }>(
      // is_active stated: new rows are drafts by default since releases (#9); this one must serve.
      `INSERT INTO prompts (coaching_phase, version, body, required_context_keys, is_active)
       SELECT 'introduction', max(version) + 1, 'After the outage, {user_name}', '{user_name}', true FROM prompts WHERE coaching_phase = 'introduction'
       RETURNING version`,
    );
    await raw.end();
    const recoveredIn = await waitFor(
      "a fresh answer after the restart",
      async () => {
        const res = await postResolve(CACHED_REQUESTS[0]);
        return (
          res.status === 200 &&
          res.body.prompt.version === rows[0]!.version &&
          res.headers.get("x-prompt-cache") !== "stale"
        );
      },
      5_000,
      50,
    );
    await load.stop();

    const { samples } = load;
    expect(samples.filter((s) => s.status !== 200)).toEqual([]);
    const outage = samples.filter((s) => s.at > down + 50 && s.at < upStarted);
    expect(outage.length).toBeGreaterThan(20);
    expect(outage.filter((s) => s.cache !== "stale")).toEqual([]);
    console.log(
      `database stopped: ${outage.length} stale answers, 0 errors; fresh again ${up - upStarted + recoveredIn} ms after the restart began`,
    );
  }, 60_000);
});
