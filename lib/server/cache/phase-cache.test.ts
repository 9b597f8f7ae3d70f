import { describe, expect, it } from "vitest";
import { PhaseCache, type PhaseCacheOptions } from "./phase-cache";

class DbDown extends Error {}

function setup(overrides: Partial<PhaseCacheOptions> = {}) {
  let now = 1_000;
  const cache = new PhaseCache({
    ttlMs: 60_000,
    staleAfterMs: 50,
    maxEntries: 100,
    isUnavailable: (e) => e instanceof DbDown,
    now: () => now,
    ...overrides,
  });
  cache.setListening(true);
  const db = { value: "v1", calls: 0 };
  const load = async () => {
    db.calls++;
    return db.value;
  };
  return {
    cache,
    db,
    load,
    advance: (ms: number) => {
      now += ms;
    },
  };
}

function deferred<T>() {
  let resolve!: (v: T) => void;
  const promise = new Promise<T>((r) => {
    resolve = r;
  });
  return { promise, resolve };
}

describe("PhaseCache", () => {
  it("loads once, then answers from memory until the phase is invalidated", async () => {
    const { cache, db, load } = setup();
    expect(await cache.get("intro", "serving", load)).toEqual({ value: "v1", status: "miss" });
    expect(await cache.get("intro", "serving", load)).toEqual({ value: "v1", status: "hit" });
    expect(db.calls).toBe(1);
    db.value = "v2";
    cache.invalidatePhase("other");
    expect((await cache.get("intro", "serving", load)).status).toBe("hit");
    cache.invalidatePhase("intro");
    expect(await cache.get("intro", "serving", load)).toEqual({ value: "v2", status: "miss" });
    expect(db.calls).toBe(2);
  });

  it("keeps prompts without a phase apart from every phase", async () => {
    const { cache, load } = setup();
    await cache.get(null, "serving", load);
    await cache.get("intro", "serving", load);
    cache.invalidatePhase(null);
    expect((await cache.get(null, "serving", load)).status).toBe("miss");
    expect((await cache.get("intro", "serving", load)).status).toBe("hit");
  });

  it("reloads after the TTL even without an invalidation", async () => {
    const { cache, load, advance } = setup({ ttlMs: 1_000 });
    await cache.get("intro", "serving", load);
    advance(999);
    expect((await cache.get("intro", "serving", load)).status).toBe("hit");
    advance(1);
    expect((await cache.get("intro", "serving", load)).status).toBe("miss");
  });

  it("trusts nothing while deaf, and nothing from before once listening again", async () => {
    const { cache, db, load } = setup();
    await cache.get("intro", "serving", load);
    cache.setListening(false);
    expect((await cache.get("intro", "serving", load)).status).toBe("miss");
    expect((await cache.get("intro", "serving", load)).status).toBe("miss");
    cache.setListening(true);
    expect((await cache.get("intro", "serving", load)).status).toBe("miss");
    expect((await cache.get("intro", "serving", load)).status).toBe("hit");
    expect(db.calls).toBe(4);
    cache.invalidateAll();
    expect((await cache.get("intro", "serving", load)).status).toBe("miss");
  });

  it("serves the last known good value when the database is unreachable, and rethrows other errors", async () => {
    const { cache, load } = setup();
    await cache.get("intro", "serving", load);
    cache.invalidatePhase("intro");
    expect(await cache.get("intro", "serving", () => Promise.reject(new DbDown()))).toEqual({
      value: "v1",
      status: "stale",
    });
    await expect(cache.get("intro", "serving", () => Promise.reject(new Error("bug")))).rejects.toThrow("bug");
    // Without a last known good value there is nothing to fall back on.
    await expect(cache.get("intro", "other", () => Promise.reject(new DbDown()))).rejects.toBeInstanceOf(DbDown);
  });

  it("stops waiting for a hanging database after staleAfterMs, and keeps the late answer", async () => {
    const { cache, load } = setup({ staleAfterMs: 30 });
    await cache.get("intro", "serving", load);
    cache.invalidatePhase("intro");
    const slow = deferred<string>();
    const started = Date.now();
    expect(await cache.get("intro", "serving", () => slow.promise)).toEqual({ value: "v1", status: "stale" });
    expect(Date.now() - started).toBeLessThan(1_000);
    slow.resolve("v2");
    await slow.promise;
    await Promise.resolve();
    expect(await cache.get("intro", "serving", load)).toEqual({ value: "v2", status: "hit" });
  });

  it("shares one load among concurrent misses, but not across an invalidation", async () => {
    const { cache } = setup();
    const first = deferred<string>();
    let calls = 0;
    const load = () => {
      calls++;
      return calls === 1 ? first.promise : Promise.resolve("new");
    };
    const a = cache.get("intro", "serving", load);
    const b = cache.get("intro", "serving", load);
    cache.invalidatePhase("intro");
    const c = cache.get("intro", "serving", load);
    expect((await c).value).toBe("new");
    first.resolve("old");
    expect((await a).value).toBe("old");
    expect((await b).value).toBe("old");
    expect(calls).toBe(2);
    // The older load finished last, but must not replace the newer value (nor count as fresh).
    expect(await cache.get("intro", "serving", load)).toEqual({ value: "new", status: "hit" });
  });

  it("reloads refresh-ahead items as soon as their phase is invalidated, so the next lookup is a hit", async () => {
    const { cache, db, load } = setup({ refreshAhead: (item) => item.startsWith("serving:") });
    await cache.get("intro", "serving:*", load);
    await cache.get("intro", "version:3", load);
    await cache.get("other", "serving:*", load);
    expect(db.calls).toBe(3);
    db.value = "v2";
    cache.invalidatePhase("intro");
    expect(db.calls).toBe(4); // intro's serving entry only: not the pinned version, not the other phase
    await new Promise((r) => setTimeout(r, 0));
    expect(await cache.get("intro", "serving:*", load)).toEqual({ value: "v2", status: "hit" });
    expect(await cache.get("intro", "version:3", load)).toEqual({ value: "v2", status: "miss" });
    expect(db.calls).toBe(5);
  });

  it("never serves a refresh started before a later invalidation", async () => {
    const { cache } = setup({ refreshAhead: () => true });
    const slow = deferred<string>();
    const answers = [slow.promise, Promise.resolve("newest")];
    let calls = 0;
    const load = () => (calls++ === 0 ? Promise.resolve("v1") : answers.shift()!);
    await cache.get("intro", "serving:*", load);
    cache.invalidatePhase("intro"); // refresh 1: hangs
    cache.invalidatePhase("intro"); // refresh 2: "newest"
    expect(await cache.get("intro", "serving:*", load)).toEqual({ value: "newest", status: "miss" });
    slow.resolve("outdated");
    await new Promise((r) => setTimeout(r, 0));
    expect(await cache.get("intro", "serving:*", load)).toEqual({ value: "newest", status: "hit" });
  });

  it("refreshes nothing while deaf (nothing counts as fresh then anyway)", async () => {
    const { cache, db, load } = setup({ refreshAhead: () => true });
    await cache.get("intro", "serving:*", load);
    cache.setListening(false);
    cache.invalidatePhase("intro");
    expect(db.calls).toBe(1);
  });

  it("remembers at most maxEntries, dropping the least recently loaded", async () => {
    const { cache, db, load } = setup({ maxEntries: 3 });
    for (const v of [1, 2, 3, 4]) await cache.get("intro", `version:${v}`, load);
    expect(cache.size).toBe(3);
    await cache.get("intro", "version:4", load);
    expect(db.calls).toBe(4);
    await cache.get("intro", "version:1", load);
    expect(db.calls).toBe(5);
  });
});
