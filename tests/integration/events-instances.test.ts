import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ensureBuilt, startAppServer, type AppServer } from "@/scripts/lib/app-server";
import { PromptManagerClient, type ChangeEvent } from "@/lib/client";
import { authenticateHttpAs, http } from "../support/app-http";
import { apiKey } from "../support/auth";
import { serveOnSave } from "../support/serving";
import { waitFor } from "../support/wait";

// GET /api/events across real `next start` processes on this file's own database: a change saved
// through instance A reaches a reader of instance B through the database's NOTIFY.
const databaseUrl = process.env.DATABASE_URL!;
let a: AppServer;
let b: AppServer;
let key = "";

beforeAll(async () => {
  ensureBuilt();
  await serveOnSave(); // this file is about events of production changes, not about approvals
  const writer = await apiKey(["resolve", "prompts:read", "prompts:write"]);
  authenticateHttpAs(writer.headers);
  key = (await apiKey(["resolve"])).key;
  const start = () => startAppServer(databaseUrl, { PM_DB_POOL_SIZE: "4", PM_EVENTS_HEARTBEAT_MS: "500" });
  [a, b] = await Promise.all([start(), start()]);
}, 300_000);

afterAll(async () => {
  await Promise.all([a?.kill("SIGKILL"), b?.kill("SIGKILL")]);
});

describe("change events across instances", () => {
  it("a reader of B gets prompt.changed within 1 s of a production change saved on A, and heartbeats", async () => {
    const events: (ChangeEvent & { at: number })[] = [];
    const client = new PromptManagerClient({ baseUrl: b.url, apiKey: key });
    const sub = client.subscribe((e) => events.push({ ...e, at: Date.now() }));
    try {
      await waitFor("B's stream to connect", () => sub.connected && sub.lastEventId !== "");
      const steps: [string, () => Promise<{ status: number }>, number | null][] = [];
      let v2 = "";
      steps.push(["save v1", () => http(a, "POST", "/api/prompts", body(1)), 1]);
      steps.push([
        "save v2",
        async () => {
          const res = await http(a, "POST", "/api/prompts", body(2));
          v2 = res.body.id;
          return res;
        },
        2,
      ]);
      steps.push(["deactivate v2", () => http(a, "PATCH", `/api/prompts/${v2}`, { isActive: false }), 1]);
      steps.push([
        "roll back to v1",
        () => http(a, "POST", "/api/phases/introduction/rollback", { toVersion: 1 }),
        null,
      ]);
      for (const [label, change, version] of steps) {
        const before = events.length;
        expect((await change()).status, label).toBeLessThan(300);
        const saved = Date.now(); // A has committed and answered
        if (version === null) continue; // v1 already served: no event
        await waitFor(`the event of "${label}"`, () => events.length > before, 2_000, 5);
        const event = events[before]!;
        expect(event, label).toMatchObject({
          type: "prompt.changed",
          phase: "introduction",
          channel: "production",
          version,
        });
        expect(event.at - saved, label).toBeLessThan(1_000);
        console.log(`events: "${label}" on A reached B's reader ${event.at - saved} ms after A answered`);
      }
      expect(events.map((e) => e.type)).toEqual(["prompt.changed", "prompt.changed", "prompt.changed"]);
    } finally {
      sub.close();
    }
  }, 60_000);

  it("curl -N shows the event and a heartbeat comment", async () => {
    const abort = new AbortController();
    const res = await fetch(`${b.url}/api/events`, {
      headers: { authorization: `Bearer ${key}` },
      signal: abort.signal,
    });
    expect(res.headers.get("content-type")).toMatch(/^text\/event-stream/);
    const reader = res
      .body!.pipeThrough(new TextDecoderStream() as ReadableWritablePair<string, Uint8Array>)
      .getReader();
    let text = "";
    const until = async (what: string, pattern: RegExp) =>
      waitFor(what, async () => {
        text += (await reader.read()).value ?? "";
        return pattern.test(text);
      });
    await until("the cursor line", /\nid: \d+\n/);
    await http(a, "POST", "/api/prompts", body(3));
    await until(
      "the event",
      /event: prompt\.changed\ndata: \{"phase":"introduction","channel":"production","version":\d+/,
    );
    await until("a heartbeat", /: heartbeat\n\n/);
    abort.abort();
  }, 30_000);
});

function body(i: number) {
  return {
    coachingPhase: "introduction",
    name: `v${i}`,
    body: `Hello {user_name} ${i}`,
    requiredContextKeys: ["user_name"],
    isActive: true,
  };
}
