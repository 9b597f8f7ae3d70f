import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/domain/errors";
import type { ApiKeyRow } from "../repositories/api-key-repository";
import { ApiKeyCache } from "./api-key-cache";

const row = (name: string) => ({ id: name, name }) as unknown as ApiKeyRow;
const down = () => Promise.reject(new AppError("db_unavailable", "down"));

describe("ApiKeyCache", () => {
  it("answers from memory only while listening and within the TTL", async () => {
    const cache = new ApiKeyCache(60_000);
    let loads = 0;
    const load = async () => {
      loads++;
      return row("a");
    };
    await cache.get("h", load);
    await cache.get("h", load);
    expect(loads).toBe(2); // not listening yet: every call reads
    cache.setListening(true);
    await cache.get("h", load);
    await cache.get("h", load);
    expect(loads).toBe(3);
    cache.invalidateAll();
    await cache.get("h", load);
    expect(loads).toBe(4);
    const expired = new ApiKeyCache(0);
    expired.setListening(true);
    await expired.get("h", load);
    await expired.get("h", load);
    expect(loads).toBe(6);
  });

  it("falls back to the last known row when the database is unreachable, even without the listener", async () => {
    const cache = new ApiKeyCache(60_000);
    cache.setListening(true);
    await cache.get("h", async () => row("a"));
    cache.setListening(false);
    expect(await cache.get("h", down)).toMatchObject({ id: "a" });
    await expect(cache.get("other", down)).rejects.toMatchObject({ code: "db_unavailable" });
    await expect(cache.get("h", () => Promise.reject(new Error("bug")))).rejects.toThrow("bug");
  });

  it("forgets everything when listening resumes, since changes may have been missed", async () => {
    const cache = new ApiKeyCache(60_000);
    cache.setListening(true);
    await cache.get("h", async () => row("old"));
    cache.setListening(false);
    cache.setListening(true);
    expect(await cache.get("h", async () => row("new"))).toMatchObject({ id: "new" });
  });
});

describe("ApiKeyCache with a hanging database", () => {
  it("answers the last known row after staleAfterMs instead of waiting", async () => {
    const cache = new ApiKeyCache(60_000, 50);
    await cache.get("h", async () => row("a"));
    const started = Date.now();
    const hang = () => new Promise<ApiKeyRow | null>(() => undefined);
    expect(await cache.get("h", hang)).toMatchObject({ id: "a" });
    expect(Date.now() - started).toBeLessThan(1_000);
  });
});
