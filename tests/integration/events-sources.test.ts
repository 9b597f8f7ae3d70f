import pg from "pg";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import * as actionInstruction from "@/app/api/action-instructions/[id]/route";
import * as action from "@/app/api/actions/[type]/route";
import * as collection from "@/app/api/prompts/route";
import * as stagingRoute from "@/app/api/phases/[phase]/staging/route";
import { apiKey, signedInUser } from "../support/auth";
import { call } from "../support/http";
import { openEventStream, type OpenStream } from "../support/sse-reader";
import { waitFor } from "../support/wait";

// The staging channel and action instructions as sources of change events (#14), through HTTP.
const raw = new pg.Client({ connectionString: process.env.DATABASE_URL });
let reader: Record<string, string>;
let designer: Record<string, string>;
const streams: OpenStream[] = [];
beforeAll(async () => {
  await raw.connect();
  reader = (await apiKey(["resolve"])).headers;
  designer = (await signedInUser("designer")).headers;
});
afterEach(() => {
  for (const s of streams.splice(0)) s.close();
});
afterAll(() => raw.end());

async function open(): Promise<OpenStream> {
  const s = await openEventStream(reader);
  streams.push(s);
  await waitFor("the stream to be placed", () => s.lastEventId() !== "");
  return s;
}
const data = (s: OpenStream, event: string) =>
  s.messages.filter((m) => m.event === event).map((m) => JSON.parse(m.data) as Record<string, unknown>);
const draft = async (phase: string, body: string) => {
  const res = await call(collection.POST, {
    method: "POST",
    headers: designer,
    body: { coachingPhase: phase, body, requiredContextKeys: ["user_name"] },
  });
  expect(res.status).toBe(201);
  return res.body as { id: string; version: number };
};
const stage = (phase: string, body: unknown) =>
  call(stagingRoute.PUT, { method: "PUT", headers: designer, params: { phase }, body });
const unstage = (phase: string, query = "") =>
  call(stagingRoute.DELETE, { method: "DELETE", headers: designer, params: { phase }, path: `/api/x${query}` });

describe("change events from the staging channel", () => {
  it("sends prompt.changed with channel staging when a pointer is set, moved and cleared", async () => {
    const s = await open();
    const a = await draft("identity_refinement", "Candidate A for {user_name}");
    const b = await draft("identity_refinement", "Candidate B for {user_name}");
    expect((await stage("identity_refinement", { version: a.version })).status).toBe(200);
    expect((await stage("identity_refinement", { version: a.version })).status).toBe(200); // the same: no event
    expect((await stage("IDENTITY_REFINEMENT", { version: b.version })).status).toBe(200);
    expect((await unstage("identity_refinement")).status).toBe(200);
    expect((await unstage("identity_refinement")).status).toBe(200); // nothing set: no event
    await waitFor("three staging events", () => data(s, "prompt.changed").length >= 3);
    const staging = data(s, "prompt.changed").filter((e) => e.channel === "staging");
    expect(staging).toEqual([
      { phase: "identity_refinement", promptType: "coach", channel: "staging", version: a.version },
      { phase: "identity_refinement", promptType: "coach", channel: "staging", version: b.version },
      { phase: "identity_refinement", promptType: "coach", channel: "staging", version: null },
    ]);
    // Drafts (inactive) change nothing production serves.
    expect(data(s, "prompt.changed").filter((e) => e.channel === "production")).toEqual([]);
  });

  it("names the type of a phase-less prompt's channel", async () => {
    const s = await open();
    const res = await call(collection.POST, {
      method: "POST",
      headers: designer,
      body: { coachingPhase: null, promptType: "sentinel", body: "Watch {current_message}", requiredContextKeys: [] },
    });
    expect(res.status).toBe(201);
    expect((await stage("none", { version: res.body.version })).status).toBe(200);
    expect((await unstage("none", "?promptType=sentinel")).status).toBe(200);
    await waitFor("two staging events", () => data(s, "prompt.changed").length >= 2);
    expect(data(s, "prompt.changed")).toEqual([
      { phase: null, promptType: "sentinel", channel: "staging", version: res.body.version },
      { phase: null, promptType: "sentinel", channel: "staging", version: null },
    ]);
  });
});

describe("change events from action instructions", () => {
  const save = (type: string, body: Record<string, unknown>) =>
    call(action.POST, { method: "POST", headers: designer, params: { type }, body });
  const setActive = (id: string, isActive: boolean) =>
    call(actionInstruction.PATCH, { method: "PATCH", headers: designer, params: { id }, body: { isActive } });

  it("sends action.changed only when an action's served wording changes", async () => {
    const s = await open();
    const inactive = await save("add_identity_note", { instruction: "A draft wording." });
    expect(inactive.status).toBe(201);
    const served = await save("add_identity_note", { instruction: "Attach a short note.", activate: true });
    expect(served.status).toBe(201);
    expect((await setActive(inactive.body.id, true)).status).toBe(200); // a lower version: still v3 served
    expect((await setActive(served.body.id, false)).status).toBe(200); // back to v2
    const other = await save("accept_identity", { instruction: "Accept it.", activate: true });
    expect(other.status).toBe(201);
    await waitFor("three action events", () => data(s, "action.changed").length >= 3);
    expect(data(s, "action.changed")).toEqual([
      { actionType: "add_identity_note" },
      { actionType: "add_identity_note" },
      { actionType: "accept_identity" },
    ]);
    const { rows } = await raw.query<{ served: string }>(
      `SELECT served FROM served_state WHERE subject = 'action:add_identity_note'`,
    );
    expect(rows[0]!.served).toBe(inactive.body.id);
  });

  it("records one event for a transaction that passes through intermediate states, none for a no-op", async () => {
    const s = await open();
    const before = s.messages.length;
    await raw.query(`BEGIN`);
    await raw.query(`UPDATE action_instructions SET is_active = false WHERE action_type = 'transition_phase'`);
    await raw.query(`UPDATE action_instructions SET is_active = true WHERE action_type = 'transition_phase'`);
    await raw.query(`COMMIT`);
    await raw.query(`UPDATE action_instructions SET is_active = false WHERE action_type = 'set_current_identity'`);
    await waitFor("the deactivation's event", () => data(s, "action.changed").length >= 1);
    expect(s.messages.slice(before).map((m) => [m.event, m.data])).toEqual([
      ["action.changed", JSON.stringify({ actionType: "set_current_identity" })],
    ]);
  });
});
