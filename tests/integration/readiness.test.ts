import pg from "pg";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import * as health from "@/app/api/health/route";
import * as ready from "@/app/api/health/ready/route";
import * as resolve from "@/app/api/resolve/route";
import { stopPromptCache } from "@/lib/server/cache/prompt-cache";
import { startDraining } from "@/lib/runtime/lifecycle";
import { seedDemoPrompts } from "@/lib/server/services/seed-service";
import { apiKey } from "../support/auth";
import { authenticateCallsAs, call } from "../support/http";
import { waitFor } from "../support/wait";

// Readiness (/api/health/ready) against liveness (/api/health), and what each reports, in this
// process on this file's own database.
const raw = new pg.Client({ connectionString: process.env.DATABASE_URL });
const intro = { phase: "introduction", context: { user_name: "Ada" } };
const resolveIntro = () => call(resolve.POST, { method: "POST", body: intro });

beforeAll(async () => {
  await raw.connect();
  await seedDemoPrompts({ onlyIfEmpty: true });
  authenticateCallsAs((await apiKey(["resolve"])).headers);
});
afterAll(async () => {
  await stopPromptCache();
  await raw.end();
});

describe("GET /api/health/ready", () => {
  it("is 503 while a migration is pending, 200 once every one is applied", async () => {
    const [last] = (
      await raw.query<{ migration_name: string }>(
        `SELECT migration_name FROM "_prisma_migrations" ORDER BY migration_name DESC LIMIT 1`,
      )
    ).rows;
    await raw.query(`UPDATE "_prisma_migrations" SET finished_at = NULL WHERE migration_name = $1`, [
      last!.migration_name,
    ]);
    const pending = await call(ready.GET, { headers: {} });
    expect([pending.status, pending.body.ready, pending.body.checks.migrations]).toEqual([503, false, "pending"]);
    await raw.query(`UPDATE "_prisma_migrations" SET finished_at = now() WHERE migration_name = $1`, [
      last!.migration_name,
    ]);
    await waitFor("readiness", async () => (await call(ready.GET, { headers: {} })).status === 200);
    const res = await call(ready.GET, { headers: {} });
    expect(res.body).toEqual({
      ready: true,
      checks: { draining: false, migrations: "applied", listener: "up", warmUp: "done" },
    });
    expect(res.headers.get("cache-control")).toBe("no-store");
  });

  it("is 503 until the change listener has come up; each resolve served deaf is counted and logged once", async () => {
    await stopPromptCache();
    // A listener URL nobody answers: the pool still works, LISTEN cannot.
    vi.stubEnv("PM_LISTEN_DATABASE_URL", "postgresql://postgres@127.0.0.1:9/nowhere");
    const warn = vi.spyOn(console, "warn").mockImplementation(() => undefined);
    try {
      // Until its first connection fails the listener is "starting", which is not an outage.
      await waitFor(
        "the listener to be down",
        async () => (await call(health.GET, { headers: {} })).body.listener === "down",
      );
      for (let i = 0; i < 3; i++) {
        const res = await resolveIntro();
        expect([res.status, res.headers.get("x-prompt-cache")]).toEqual([200, "miss"]);
      }
      expect((await call(health.GET, { headers: {} })).body).toMatchObject({
        status: "ok",
        db: "up",
        listener: "down",
        deafResolves: 3,
      });
      const notReady = await call(ready.GET, { headers: {} });
      expect([notReady.status, notReady.body.checks.listener]).toEqual([503, "down"]);
      const deafLines = warn.mock.calls.filter(([line]) => String(line).includes("served a resolve while deaf"));
      expect(deafLines).toHaveLength(1);
    } finally {
      warn.mockRestore();
      vi.unstubAllEnvs();
      await stopPromptCache();
    }
    await waitFor(
      "readiness with a listener again",
      async () => (await call(ready.GET, { headers: {} })).status === 200,
    );
    await resolveIntro();
    expect((await call(health.GET, { headers: {} })).body).toMatchObject({ listener: "up", deafResolves: 0 });
  });

  it("turns 503 at once on draining while liveness and resolve keep answering", async () => {
    expect((await call(ready.GET, { headers: {} })).status).toBe(200);
    startDraining();
    const res = await call(ready.GET, { headers: {} });
    expect([res.status, res.body.ready, res.body.checks.draining]).toEqual([503, false, true]);
    const live = await call(health.GET, { headers: {} });
    expect([live.status, live.body.draining]).toEqual([200, true]);
    expect((await resolveIntro()).status).toBe(200);
  });
});
