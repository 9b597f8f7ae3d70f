import pg from "pg";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { SYSTEM_CALLER } from "@/lib/server/auth/actor";
import { createPrompt, updatePrompt } from "@/lib/server/services/prompt-service";
import { rollbackPhase } from "@/lib/server/services/rollback-service";
import { openEventStreams } from "@/lib/server/services/events-service";
import { apiKey, signedInUser } from "../support/auth";
import { openEventStream, type OpenStream } from "../support/sse-reader";
import { serveOnSave } from "../support/serving";
import { waitFor } from "../support/wait";

const raw = new pg.Client({ connectionString: process.env.DATABASE_URL });
let key: { id: string; headers: Record<string, string> };
const streams: OpenStream[] = [];
beforeAll(async () => {
  await serveOnSave(); // this file is about events of production changes, not about approvals
  await raw.connect();
  key = await apiKey(["resolve"]);
});
afterEach(() => {
  for (const s of streams.splice(0)) s.close();
  delete process.env.PM_EVENTS_MAX_PER_KEY;
  delete process.env.PM_EVENTS_MAX_BUFFER_BYTES;
  delete process.env.PM_EVENTS_HEARTBEAT_MS;
});
afterAll(() => raw.end());

async function open(headers = key.headers, path?: string): Promise<OpenStream> {
  const s = await openEventStream(headers, path);
  streams.push(s);
  if (s.status === 200) await waitFor("the stream to be placed", () => s.lastEventId() !== "" || s.messages.length > 0);
  return s;
}
const changes = (s: OpenStream) =>
  s.messages.filter((m) => m.event === "prompt.changed").map((m) => JSON.parse(m.data) as Record<string, unknown>);
const create = (phase: string, isActive = true) =>
  createPrompt(SYSTEM_CALLER, {
    coachingPhase: phase,
    body: `Hello {user_name}`,
    requiredContextKeys: ["user_name"],
    isActive,
  });

describe("GET /api/events", () => {
  it("sends prompt.changed only when what production serves changes, with increasing ids", async () => {
    const s = await open();
    const v1 = await create("introduction");
    await waitFor("v1's event", () => changes(s).length === 1);
    expect(changes(s)[0]).toEqual({ phase: "introduction", promptType: "coach", channel: "production", version: 1 });
    const v2 = await create("introduction", false); // an inactive draft: production still serves v1
    await updatePrompt(SYSTEM_CALLER, v2.id, { isActive: true }); // now v2
    await updatePrompt(SYSTEM_CALLER, v1.id, { isActive: false }); // an older version: v2 still served
    await rollbackPhase(SYSTEM_CALLER, "introduction", { toVersion: 1 }); // v1 again
    await raw.query(`UPDATE prompts SET is_active = false WHERE coaching_phase = 'introduction'`); // raw SQL: nothing
    await waitFor("four events", () => changes(s).length === 4);
    expect(changes(s).map((c) => c.version)).toEqual([1, 2, 1, null]);
    const ids = s.messages.filter((m) => m.event === "prompt.changed").map((m) => Number(m.lastEventId));
    expect(ids).toEqual([...ids].sort((a, b) => a - b));
    expect(new Set(ids).size).toBe(4);
  });

  it("replays what a reader missed after its Last-Event-ID, and resyncs beyond the history", async () => {
    const first = await open();
    await create("get_to_know_you");
    await waitFor("the event", () => changes(first).length === 1);
    const seen = first.lastEventId();
    first.close();
    await create("get_to_know_you");
    await create("get_to_know_you");
    const again = await open({ ...key.headers, "last-event-id": seen });
    await waitFor("the two missed events", () => changes(again).length === 2);
    expect(changes(again).map((c) => c.version)).toEqual([2, 3]);
    expect(again.messages.map((m) => m.event)).not.toContain("resync");

    // The history keeps 1,000 events: an id older than that cannot be replayed.
    await raw.query(`SELECT pm_emit_event('prompt.changed', '{}'::jsonb) FROM generate_series(1, 1005)`);
    const { rows } = await raw.query<{ n: number }>(`SELECT count(*)::int AS n FROM change_events`);
    expect(rows[0]!.n).toBe(1000);
    const late = await open({ ...key.headers, "last-event-id": seen });
    await waitFor("a resync", () => late.messages.some((m) => m.event === "resync"));
    expect(changes(late)).toEqual([]);
    // An id this database never gave (e.g. after a restore) and a malformed one resync too.
    for (const id of ["999999999", "abc"]) {
      const odd = await open({ ...key.headers, "last-event-id": id });
      await waitFor(`a resync for ${id}`, () => odd.messages.some((m) => m.event === "resync"));
    }
  });

  it("answers 401 without credentials, 403 without the resolve scope, and streams to a signed-in person", async () => {
    expect((await open({})).status).toBe(401);
    expect((await open((await apiKey(["prompts:read"])).headers)).status).toBe(403);
    const viewer = await signedInUser("viewer");
    expect((await open(viewer.headers)).status).toBe(200);
  });

  it("bounds the streams one key may hold open", async () => {
    process.env.PM_EVENTS_MAX_PER_KEY = "2";
    const own = await apiKey(["resolve"]);
    const a = await open(own.headers);
    await open(own.headers);
    const third = await open(own.headers);
    expect(third.status).toBe(429);
    expect(JSON.parse(third.text())).toMatchObject({ error: { code: "rate_limited" } });
    a.close();
    await waitFor("the closed stream to be released", () => openEventStreams(`api_key:${own.id}`) === 1);
    expect((await open(own.headers)).status).toBe(200);
  });

  it("drops a reader that does not read instead of buffering for it", async () => {
    process.env.PM_EVENTS_MAX_BUFFER_BYTES = "4096";
    const own = await apiKey(["resolve"]);
    const { GET } = await import("@/app/api/events/route");
    const res = await GET(new Request("http://localhost/api/events", { headers: own.headers }), {
      params: Promise.resolve({}),
    });
    expect(res.status).toBe(200);
    // Read until the stream has placed the reader (its cursor line), then stop reading.
    const reader = res.body!.getReader();
    let head = "";
    while (!head.includes("id: ")) head += new TextDecoder().decode((await reader.read()).value);
    expect(openEventStreams(`api_key:${own.id}`)).toBe(1);
    await raw.query(`SELECT pm_emit_event('prompt.changed', '{}'::jsonb) FROM generate_series(1, 1000)`);
    await waitFor("the slow reader to be dropped", () => openEventStreams(`api_key:${own.id}`) === 0);
    await expect(
      (async () => {
        for (;;) if ((await reader.read()).done) return "ended normally";
      })(),
    ).rejects.toThrow(/too slow/);
  });

  it("sends a comment heartbeat", async () => {
    process.env.PM_EVENTS_HEARTBEAT_MS = "100";
    const s = await open();
    await waitFor("two heartbeats", () => s.text().split(": heartbeat").length > 2);
  });

  it("stays up when the database drops every connection, and sends resync once listening again", async () => {
    const s = await open();
    await raw.query(
      `SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()`,
    );
    await waitFor("a resync", () => s.messages.some((m) => m.event === "resync"));
    // The pool's connections were cut too: the first write may answer db_unavailable.
    await waitFor("a write to go through", () =>
      create("introduction").then(
        () => true,
        () => false,
      ),
    );
    await waitFor("a live event after the reconnect", () =>
      s.messages.slice(s.messages.findIndex((m) => m.event === "resync")).some((m) => m.event === "prompt.changed"),
    );
  });
});
