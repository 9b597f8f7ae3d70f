import { spawnSync } from "node:child_process";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ensureBuilt, freePort } from "@/scripts/lib/app-server";
import { startServe, type ServeProcess } from "@/scripts/lib/serve-process";
import { seedDemoPrompts } from "@/lib/server/services/seed-service";
import { apiKey } from "../support/auth";
import { waitFor } from "../support/wait";

// `npm run serve`, the production run mode, as a real process on this file's own database.
const servers: ServeProcess[] = [];
afterAll(async () => {
  await Promise.all(servers.map((s) => s.kill("SIGKILL")));
});

describe("npm run serve refuses a bad environment", () => {
  it("prints one clear line per bad setting and exits 1 without starting anything", () => {
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      DATABASE_URL: "mysql://root:hunter2@db/pm",
      PM_DRAIN_MS: "soon",
      PM_CACHE: "maybe",
    };
    delete env.NEXTAUTH_SECRET;
    const run = spawnSync(process.execPath, ["--import", "tsx", "scripts/serve.ts"], { env, encoding: "utf8" });
    expect(run.status).toBe(1);
    expect(run.stdout).toBe("");
    expect(run.stderr.trim().split("\n")).toEqual([
      "npm run serve: DATABASE_URL must be a postgresql:// URL",
      "npm run serve: NEXTAUTH_SECRET is required (at least 32 characters; the same on every instance)",
      'npm run serve: PM_CACHE must be "on" or "off" (got "maybe")',
      'npm run serve: PM_DRAIN_MS must be a whole number (milliseconds) of at least 0 (got "soon")',
    ]);
    expect(run.stderr).not.toContain("hunter2");
  }, 60_000);
});

describe("npm run serve drains on SIGTERM", () => {
  let headers: Record<string, string>;
  beforeAll(async () => {
    ensureBuilt();
    await seedDemoPrompts({ onlyIfEmpty: true });
    headers = { ...(await apiKey(["resolve"])).headers, "content-type": "application/json" };
  }, 300_000);

  it("turns not-ready at once, answers in-flight and new requests for PM_DRAIN_MS, then exits 0", async () => {
    const drainMs = 3_000;
    const server = await startServe(await freePort(), {
      DATABASE_URL: process.env.DATABASE_URL!,
      NEXTAUTH_SECRET: process.env.NEXTAUTH_SECRET!,
      PM_DRAIN_MS: String(drainMs),
      PM_DB_POOL_SIZE: "4",
    });
    servers.push(server);
    const resolve = () =>
      fetch(`${server.url}/api/resolve`, {
        method: "POST",
        headers,
        body: JSON.stringify({ phase: "introduction", context: { user_name: "Ada" } }),
      }).then((r) => r.status);
    expect(await resolve()).toBe(200);

    // A request in flight when the signal comes: its body arrives in two parts, the second after it.
    const inFlight = fetch(`${server.url}/api/resolve`, {
      method: "POST",
      headers,
      body: slowBody(JSON.stringify({ phase: "introduction", context: { user_name: "Ada" } }), 500),
      duplex: "half",
    } as RequestInit).then((r) => r.status);
    await new Promise((r) => setTimeout(r, 100));
    const signalled = Date.now();
    process.kill(server.pid, "SIGTERM");

    // "At once": the first readiness check after the process has taken the signal is 503.
    await waitFor("the signal to be taken", () => server.output().includes("SIGTERM: draining"), 5_000, 5);
    const first = await fetch(`${server.url}/api/health/ready`);
    expect([first.status, ((await first.json()) as { checks: { draining: boolean } }).checks.draining]).toEqual([
      503,
      true,
    ]);
    const during: number[] = [];
    while (Date.now() - signalled < drainMs - 700) {
      during.push(await resolve());
      const live = (await fetch(`${server.url}/api/health`).then((r) => r.json())) as { draining: boolean };
      expect(live.draining).toBe(true);
      expect((await fetch(`${server.url}/api/health/ready`)).status).toBe(503);
      await new Promise((r) => setTimeout(r, 100));
    }
    expect(await inFlight).toBe(200);
    expect(during.length).toBeGreaterThan(0);
    expect(during.every((s) => s === 200)).toBe(true);

    expect(await server.exited).toBe(0);
    expect(Date.now() - signalled).toBeGreaterThanOrEqual(drainMs);
    expect(server.output()).toContain(`SIGTERM: draining for ${drainMs} ms`);
    expect(
      await fetch(`${server.url}/api/health`).then(
        () => "answered",
        () => "refused",
      ),
    ).toBe("refused");
  }, 120_000);
});

/** A request body that sends its first half now and the rest after `delayMs`. */
function slowBody(text: string, delayMs: number): ReadableStream<Uint8Array> {
  const bytes = new TextEncoder().encode(text);
  const half = Math.floor(bytes.length / 2);
  return new ReadableStream({
    async start(controller) {
      controller.enqueue(bytes.slice(0, half));
      await new Promise((r) => setTimeout(r, delayMs));
      controller.enqueue(bytes.slice(half));
      controller.close();
    },
  });
}
