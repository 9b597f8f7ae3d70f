import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startEmbedded, type EmbeddedDatabase } from "@/lib/server/db/embedded";
import { migrate } from "@/lib/server/db/migrate";
import * as resolve from "@/app/api/resolve/route";
import * as collection from "@/app/api/prompts/route";
import * as health from "@/app/api/health/route";
import { promptCacheListening } from "@/lib/server/cache/prompt-cache";
import { seedDemoPrompts } from "@/lib/server/services/seed-service";
import { call } from "../support/http";
import { waitFor } from "../support/wait";

// The database is stopped and started for real, so it is a PostgreSQL of this test's own (never the
// shared server the other tests use), on a port of the range reserved for this suite.
//
// In-process on purpose: what is under test (cache, connection pool, change listener, error mapping)
// runs the same inside `next start`, and in-process needs no production build, takes seconds, and
// lets the test stop the database at an exact moment. The faults that need a real server process
// (kill -9, two instances) start `next start` in fault-server-kill and two-instances.
const PORT = Number(process.env.PM_FAULT_EMBEDDED_PORT ?? 54361);

const CACHED = [
  { phase: "introduction", context: { user_name: "Ada" } },
  { phase: "get_to_know_you", context: { user_name: "Ada", asked_questions: "none", user_notes: "" } },
  { promptType: "sentinel", context: { previous_message: "a", current_message: "b", current_phase: "introduction" } },
];
const post = (body: unknown) => call(resolve.POST, { method: "POST", body });

let dir: string;
let database: EmbeddedDatabase;

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "pm-outage-"));
  database = await startEmbedded({ dir, port: PORT });
  await migrate(database.url);
  process.env.DATABASE_URL = database.url; // before the app's first query: its pool and listener use it
  await seedDemoPrompts({ onlyIfEmpty: true });
  await waitFor("the change listener", () => promptCacheListening() === true);
}, 120_000);

afterAll(async () => {
  await database?.stop();
  if (dir) await rm(dir, { recursive: true, force: true });
});

interface Sample { at: number; status: number; cache: string | null; version: number | undefined }

/** Resolves the cached phases round-robin from `workers` loops until `stop()`; keeps every answer. */
function resolveLoad(workers: number) {
  const samples: Sample[] = [];
  let running = true;
  const loops = Array.from({ length: workers }, async (_, w) => {
    for (let i = w; running; i++) {
      // Yield to I/O between requests, as a server does (it sees a request only when its socket has data);
      // a loop of in-process calls answered from memory would otherwise starve timers and the restart.
      await new Promise((r) => setImmediate(r));
      const res = await post(CACHED[i % CACHED.length]);
      samples.push({ at: Date.now(), status: res.status, cache: res.headers.get("x-prompt-cache"), version: res.body?.prompt?.version });
    }
  });
  return { samples, stop: async () => { running = false; await Promise.all(loops); } };
}

describe("database outage under a resolve load", () => {
  it("serves cached phases as stale without a single 5xx, refuses writes with 503, and recovers by itself", async () => {
    for (const body of CACHED) expect((await post(body)).status).toBe(200);
    const load = resolveLoad(8);
    await new Promise((r) => setTimeout(r, 300));

    await database.stop();
    const down = Date.now();

    // While it is down: writes 503 db_unavailable, health degraded (200), an uncached phase 503, all fast.
    const write = await call(collection.POST, { method: "POST", body: { coachingPhase: "introduction", body: "x" } });
    expect([write.status, write.body.error.code]).toEqual([503, "db_unavailable"]);
    const h = await call(health.GET);
    expect([h.status, h.body]).toEqual([200, { status: "degraded", db: "down" }]);
    const started = Date.now();
    const uncached = await post({ phase: "identity_visualization", context: {} });
    expect([uncached.status, uncached.body.error.code]).toEqual([503, "db_unavailable"]);
    expect(Date.now() - started).toBeLessThan(2_000);
    await new Promise((r) => setTimeout(r, 1_500));

    const upStarted = Date.now();
    database = await startEmbedded({ dir, port: PORT });
    const up = Date.now();
    // A change made right after the restart must be served within 5 s: proof the answers are fresh again.
    const raw = new pg.Client({ connectionString: database.url });
    await raw.connect();
    const { rows } = await raw.query<{ version: number }>(
      `INSERT INTO prompts (coaching_phase, version, body, required_context_keys)
       SELECT 'introduction', max(version) + 1, 'After the outage, {user_name}', '{user_name}' FROM prompts WHERE coaching_phase = 'introduction'
       RETURNING version`);
    await raw.end();
    const recoveredIn = await waitFor("a fresh answer after the restart", async () => {
      const res = await post(CACHED[0]);
      return res.status === 200 && res.body.prompt.version === rows[0]!.version && res.headers.get("x-prompt-cache") !== "stale";
    }, 5_000, 50);
    await load.stop();

    const { samples } = load;
    expect(samples.filter((s) => s.status >= 500)).toEqual([]);
    expect(samples.every((s) => s.status === 200)).toBe(true);
    const outage = samples.filter((s) => s.at > down + 50 && s.at < upStarted);
    expect(outage.length).toBeGreaterThan(20);
    expect(outage.filter((s) => s.cache !== "stale")).toEqual([]);
    const after = samples.filter((s) => s.at > up + recoveredIn + 100);
    expect(after.every((s) => s.cache !== "stale")).toBe(true);
    console.log(`outage: ${outage.length} stale answers, 0 errors; fresh again ${recoveredIn} ms after the restart`);
  }, 60_000);
});
