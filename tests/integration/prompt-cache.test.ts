import pg from "pg";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import * as repo from "@/lib/server/repositories/prompt-repository";
import * as resolve from "@/app/api/resolve/route";
import * as collection from "@/app/api/prompts/route";
import { promptCacheListening, stopPromptCache } from "@/lib/server/cache/prompt-cache";
import { seedDemoPrompts } from "@/lib/server/services/seed-service";
import * as keyRepo from "@/lib/server/repositories/api-key-repository";
import { apiKey } from "../support/auth";
import { authenticateCallsAs, call } from "../support/http";
import { waitFor } from "../support/wait";
import { serveOnSave } from "../support/serving";

// Spies that call through to the real repository. It is the only code that touches Prisma, so no
// call on a warm resolve means no SQL.
vi.mock("@/lib/server/repositories/prompt-repository", async (importOriginal) => {
  const real = await importOriginal<typeof import("@/lib/server/repositories/prompt-repository")>();
  return { ...real, findServing: vi.fn(real.findServing), findByPhaseVersion: vi.fn(real.findByPhaseVersion) };
});

const intro = { phase: "introduction", context: { user_name: "Ada" } };
const post = (body: unknown) => call(resolve.POST, { method: "POST", body });
vi.mock("@/lib/server/repositories/api-key-repository", async (importOriginal) => {
  const real = await importOriginal<typeof import("@/lib/server/repositories/api-key-repository")>();
  return { ...real, findKeyByHash: vi.fn(real.findKeyByHash) };
});

const queries = () =>
  vi.mocked(repo.findServing).mock.calls.length +
  vi.mocked(repo.findByPhaseVersion).mock.calls.length +
  vi.mocked(keyRepo.findKeyByHash).mock.calls.length;
const raw = new pg.Client({ connectionString: process.env.DATABASE_URL });

beforeAll(async () => {
  await seedDemoPrompts({ onlyIfEmpty: true });
  await serveOnSave(); // "a save that serves" below is isActive: true without required approvals
  // A real API key: a warm resolve must not query for the key either.
  authenticateCallsAs((await apiKey(["resolve", "prompts:write"])).headers);
  await raw.connect();
  await waitFor("the change listener", () => promptCacheListening() === true);
});
afterAll(() => raw.end());

describe("prompt cache", () => {
  it("answers a warm resolve from memory (no SQL) with the same body, and says so in X-Prompt-Cache", async () => {
    const cold = await post(intro);
    expect(cold.status).toBe(200);
    expect(cold.headers.get("x-prompt-cache")).toBe("miss");
    const before = queries();
    const warm = await post(intro);
    expect(warm.headers.get("x-prompt-cache")).toBe("hit");
    expect(queries()).toBe(before);
    expect(warm.body).toEqual(cold.body);
  });

  it("caches pinned versions and 'version not found' answers as well", async () => {
    expect((await post({ ...intro, version: 1 })).headers.get("x-prompt-cache")).toBe("miss");
    expect((await post({ ...intro, version: 99 })).status).toBe(404); // errors carry no cache header
    const before = queries();
    const pinned = await post({ ...intro, version: 1 });
    expect([pinned.body.prompt.version, pinned.headers.get("x-prompt-cache")]).toEqual([1, "hit"]);
    const unknown = await post({ ...intro, version: 99 });
    expect(unknown.body.error).toMatchObject({ code: "version_not_found", details: { exists: false } });
    expect(queries()).toBe(before);
  });

  it("serves a save made through this instance on the very next resolve", async () => {
    await post(intro);
    const saved = await call(collection.POST, {
      method: "POST",
      body: {
        coachingPhase: "introduction",
        body: "Saved for {user_name}",
        requiredContextKeys: ["user_name"],
        isActive: true,
      },
    });
    const next = await post(intro);
    expect(next.body.prompt.version).toBe(saved.body.version);
    expect(next.body.text).toContain("Saved for Ada");
  });

  it("drops a phase when its rows change by raw SQL (the trigger's NOTIFY), leaving other phases cached", async () => {
    const sentinel = {
      promptType: "sentinel",
      context: { previous_message: "a", current_message: "b", current_phase: "introduction" },
    };
    const servedIntro = (await post(intro)).body.prompt.version;
    const servedSentinel = (await post(sentinel)).body.prompt.version;
    await raw.query("UPDATE prompts SET is_active = false WHERE coaching_phase = 'introduction' AND version = $1", [
      servedIntro,
    ]);
    await waitFor(
      "the deactivation to be served",
      async () => (await post(intro)).body.prompt.version !== servedIntro,
      1_000,
    );
    expect((await post(sentinel)).headers.get("x-prompt-cache")).toBe("hit");

    await raw.query(
      `INSERT INTO prompts (coaching_phase, version, body, prompt_type, is_active) VALUES (NULL, $1, 'Raw {current_message}', 'sentinel', true)`,
      [servedSentinel + 1],
    );
    await waitFor(
      "the phase-less insert to be served",
      async () => (await post(sentinel)).body.prompt.version === servedSentinel + 1,
      1_000,
    );
  });

  it("reconnects a dropped listener and trusts nothing cached from before (changes may have been missed)", async () => {
    await post(intro);
    const { rows } = await raw.query<{ pid: number }>(
      "SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND application_name = 'pm-change-listener'",
    );
    expect(rows).toHaveLength(1);
    await raw.query("SELECT pg_terminate_backend($1)", [rows[0]!.pid]);
    await waitFor("the listener to notice", () => promptCacheListening() === false, 2_000, 2);
    // Deaf: a change now sends a NOTIFY nobody receives, so every resolve reads the database.
    expect((await post(intro)).headers.get("x-prompt-cache")).toBe("miss");
    await waitFor("the listener to be back", () => promptCacheListening() === true, 5_000);
    expect((await post(intro)).headers.get("x-prompt-cache")).toBe("miss");
    expect((await post(intro)).headers.get("x-prompt-cache")).toBe("hit");
  });

  it("reads the database on every resolve with PM_CACHE=off", async () => {
    await stopPromptCache();
    vi.stubEnv("PM_CACHE", "off");
    try {
      const before = queries();
      const statuses = [
        (await post(intro)).headers.get("x-prompt-cache"),
        (await post(intro)).headers.get("x-prompt-cache"),
      ];
      expect(statuses).toEqual(["miss", "miss"]);
      expect(queries() - before).toBe(6); // the phase's prompt, the system context and the API key, twice
      expect(promptCacheListening()).toBeNull();
    } finally {
      await stopPromptCache();
      vi.unstubAllEnvs();
    }
  });
});
