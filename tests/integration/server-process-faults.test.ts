import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ensureBuilt, startAppServer, type AppServer } from "@/scripts/lib/app-server";
import { authenticateHttpAs, http } from "../support/app-http";
import { apiKey } from "../support/auth";
import { waitFor } from "../support/wait";
import { serveOnSave } from "../support/serving";

// Faults that need real server processes: `next start` on the production build, on this file's own
// database (cloned by tests/support/isolated-database.ts). Both parts live in one file so that a lone
// run builds at most once (`npm test` builds before any test).
const databaseUrl = process.env.DATABASE_URL!;
const servers: AppServer[] = [];
const raw = new pg.Client({ connectionString: databaseUrl });

async function start(): Promise<AppServer> {
  // A small pool: several servers and test files share one PostgreSQL's connection limit.
  const server = await startAppServer(databaseUrl, { PM_DB_POOL_SIZE: "4" });
  servers.push(server);
  return server;
}

beforeAll(async () => {
  ensureBuilt();
  await raw.connect();
  await serveOnSave(); // these tests are about instances and crashes, not approvals: saves serve
  authenticateHttpAs((await apiKey(["resolve", "prompts:read", "prompts:write"])).headers);
}, 300_000);

afterAll(async () => {
  await Promise.all(servers.map((s) => s.kill("SIGKILL")));
  await raw.end();
});

const createBody = (phase: string, i: number) => ({
  coachingPhase: phase,
  name: `c${i}`,
  body: `Create ${i} for {user_name}`,
  requiredContextKeys: ["user_name"],
  isActive: true,
});

describe("kill -9 while 200 creates are in flight", () => {
  it("keeps every acknowledged create, nothing half-written, versions unique and gap-free", async () => {
    const phases = ["identity_affirmation", "identity_visualization"];
    const server = await start();
    const acked = new Map<string, { phase: string; i: number; version: number }>();
    let failed = 0;
    let killed = false;
    // One phase's creates are serialized by its lock, so most of the 200 are still queued when the
    // 30th acknowledgement triggers the kill.
    await Promise.all(
      Array.from({ length: 200 }, async (_, i) => {
        const phase = phases[i % 2]!;
        try {
          const res = await http(server, "POST", "/api/prompts", createBody(phase, i));
          if (res.status !== 201) throw new Error(`create answered ${res.status}: ${JSON.stringify(res.body)}`);
          acked.set(res.body.id, { phase, i, version: res.body.version });
          if (acked.size >= 30 && !killed) {
            killed = true;
            process.kill(server.pid, "SIGKILL");
          }
        } catch (error) {
          if (!killed) throw error;
          failed++;
        }
      }),
    );
    await server.kill();
    expect(acked.size).toBeGreaterThanOrEqual(30);
    expect(failed).toBeGreaterThan(0); // the kill did cut creates off mid-flight

    const restarted = await start();
    for (const [id, sent] of acked) {
      const got = await http(restarted, "GET", `/api/prompts/${id}`);
      expect(got.status).toBe(200);
      expect(got.body).toMatchObject({
        coachingPhase: sent.phase,
        version: sent.version,
        name: `c${sent.i}`,
        body: `Create ${sent.i} for {user_name}`,
      });
    }
    const { rows } = await raw.query<{ phase: string; n: number; distinct_versions: number; min: number; max: number }>(
      `SELECT coaching_phase AS phase, count(*)::int AS n, count(DISTINCT version)::int AS distinct_versions,
              min(version) AS min, max(version) AS max
       FROM prompts WHERE coaching_phase = ANY($1) GROUP BY coaching_phase ORDER BY 1`,
      [phases],
    );
    for (const r of rows) expect([r.n, r.distinct_versions, r.min, r.max]).toEqual([r.n, r.n, 1, r.n]);
    const stored = rows.reduce((sum, r) => sum + r.n, 0);
    console.log(
      `kill -9: ${acked.size} creates acknowledged, ${failed} cut off, ${stored - acked.size} committed but never acknowledged`,
    );
    // Half-written would be a prompt without its audit event or an audit event without its prompt.
    const {
      rows: [orphans],
    } = await raw.query<{ prompts: number; events: number }>(
      `SELECT (SELECT count(*)::int FROM prompts p WHERE coaching_phase = ANY($1) AND
                 (SELECT count(*) FROM audit_events a WHERE a.action = 'prompt.create' AND a.target_id = p.id::text) <> 1) AS prompts,
              (SELECT count(*)::int FROM audit_events a WHERE a.action = 'prompt.create' AND a.target_type = 'prompt'
                 AND NOT EXISTS (SELECT 1 FROM prompts p WHERE p.id::text = a.target_id)) AS events`,
      [phases],
    );
    expect(orphans).toEqual({ prompts: 0, events: 0 });
    // No lock or transaction of the killed process is left behind: the next create continues the numbering.
    const next = await http(restarted, "POST", "/api/prompts", createBody(phases[0]!, 999));
    expect([next.status, next.body.version]).toEqual([201, rows[0]!.n + 1]);
  }, 60_000);
});

describe("two instances on one database", () => {
  const intro = { phase: "introduction", context: { user_name: "Ada" } };
  let a: AppServer;
  let b: AppServer;
  beforeAll(async () => {
    [a, b] = await Promise.all([start(), start()]);
  }, 60_000);

  const servedByB = async () => http(b, "POST", "/api/resolve", intro);

  it("B serves what A saved, deactivated or rolled back, without waiting for any TTL", async () => {
    const v1 = await http(a, "POST", "/api/prompts", createBody("introduction", 1));
    expect(v1.status).toBe(201);
    // B answers from memory only once its listener is up; before that this test would prove nothing.
    await waitFor(
      "B to serve introduction from memory",
      async () => (await servedByB()).headers.get("x-prompt-cache") === "hit",
    );

    let v2id = "";
    const steps: [string, () => Promise<unknown>, number][] = [
      [
        "save v2",
        async () => {
          v2id = (await http(a, "POST", "/api/prompts", createBody("introduction", 2))).body.id;
        },
        2,
      ],
      ["deactivate v2", () => http(a, "PATCH", `/api/prompts/${v2id}`, { isActive: false }), 1],
      ["activate v2", () => http(a, "PATCH", `/api/prompts/${v2id}`, { isActive: true }), 2],
      ["roll back to v1", () => http(a, "POST", "/api/phases/introduction/rollback", { toVersion: 1 }), 1],
    ];
    for (const [label, change, expected] of steps) {
      await change();
      const waited = await waitFor(
        `B to serve v${expected} after "${label}" on A`,
        async () => {
          const res = await servedByB();
          // Served from the database, or from memory that B's cache reloaded on A's NOTIFY (it
          // reloads a changed phase ahead of the next ask): either way the new version, no TTL waited.
          return res.body.prompt.version === expected;
        },
        2_000,
        5,
      );
      expect(waited, label).toBeLessThan(1_000);
      await waitFor("B to cache it again", async () => (await servedByB()).headers.get("x-prompt-cache") === "hit");
    }
  }, 60_000);

  it("gives concurrent creates on both instances unique, gap-free versions", async () => {
    const results = await Promise.all(
      Array.from({ length: 100 }, (_, i) =>
        http(i % 2 ? a : b, "POST", "/api/prompts", createBody("get_to_know_you", i)),
      ),
    );
    expect(results.map((r) => r.status)).toEqual(Array(100).fill(201));
    expect(results.map((r) => r.body.version).sort((x, y) => x - y)).toEqual(
      Array.from({ length: 100 }, (_, i) => i + 1),
    );
  }, 60_000);
});
