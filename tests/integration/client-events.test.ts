import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { PromptManagerClient, type ChangeEvent, type StreamStateEvent } from "@/lib/client";
import { SYSTEM_CALLER } from "@/lib/server/auth/actor";
import { createPrompt, updatePrompt } from "@/lib/server/services/prompt-service";
import { apiKey } from "../support/auth";
import { inProcessFetch } from "../support/in-process-fetch";
import { serveOnSave } from "../support/serving";
import { waitFor } from "../support/wait";

let key = "";
const clients: PromptManagerClient[] = [];
const closers: (() => void)[] = [];
beforeAll(async () => {
  await serveOnSave(); // this file is about events of production changes, not about approvals
  key = (await apiKey(["resolve"])).key;
});
afterEach(() => {
  for (const c of clients.splice(0)) c.close();
  for (const close of closers.splice(0)) close();
});

function client(options: Partial<ConstructorParameters<typeof PromptManagerClient>[0]> = {}) {
  const c = new PromptManagerClient({ baseUrl: "http://app.test", fetch: inProcessFetch, apiKey: key, ...options });
  clients.push(c);
  return c;
}
const save = (phase: string, i: number) =>
  createPrompt(SYSTEM_CALLER, {
    coachingPhase: phase,
    body: `Version ${i} for {user_name}`,
    requiredContextKeys: ["user_name"],
    isActive: true,
  });

describe("PromptManagerClient.subscribe", () => {
  it("delivers prompt.changed events and resumes after its last event id when reconnected", async () => {
    const events: ChangeEvent[] = [];
    const states: StreamStateEvent[] = [];
    const sub = client().subscribe((e) => events.push(e), { onState: (s) => states.push(s) });
    closers.push(sub.close);
    await waitFor("the stream", () => sub.connected && sub.lastEventId !== "");
    await save("identity_warm_up", 1);
    await waitFor("the event", () => events.length === 1);
    expect(events[0]).toMatchObject({ type: "prompt.changed", phase: "identity_warm_up", version: 1 });
    sub.close();
    expect(states.map((s) => s.connected)).toEqual([true, false]);

    // Two saves while away; a new subscription from the old id gets both.
    await save("identity_warm_up", 2);
    await save("identity_warm_up", 3);
    const later: ChangeEvent[] = [];
    const again = client().subscribe((e) => later.push(e), { lastEventId: events[0]!.id });
    closers.push(again.close);
    await waitFor("the missed events", () => later.length === 2);
    expect(later.map((e) => (e.type === "prompt.changed" ? e.version : e.type))).toEqual([2, 3]);
  });

  it("reconnects when the stream fails and reports the outage", async () => {
    let fail = true;
    const flaky: typeof fetch = async (input, init) => {
      if (fail) throw new TypeError("fetch failed");
      return inProcessFetch(input, init);
    };
    const states: StreamStateEvent[] = [];
    const sub = client({ fetch: flaky }).subscribe(() => undefined, { onState: (s) => states.push(s), minRetryMs: 20 });
    closers.push(sub.close);
    await waitFor("a reported failure", () => states.some((s) => !s.connected && s.error?.code === "network"));
    fail = false;
    await waitFor("the reconnect", () => sub.connected);
  });
});

describe("resolveCache with events", () => {
  it("serves from the cache until a change is announced, then the new version", async () => {
    const v1 = await save("identity_refinement", 1);
    const pm = client({ resolveCache: { ttlMs: 60_000, events: true } });
    const request = { phase: "identity_refinement", context: { user_name: "Ada" } };
    await pm.resolve(request); // starts the stream; what was cached before it connected is dropped then
    await waitFor("the cache to go live", () => pm.resolveCacheLive);
    const first = await pm.resolve(request);
    expect(first.prompt.version).toBe(1);
    expect(await pm.resolve(request)).toBe(first); // the same object: from the cache

    await save("identity_refinement", 2);
    const waited = await waitFor("the cache to serve v2", async () => (await pm.resolve(request)).prompt.version === 2);
    expect(waited).toBeLessThan(1_000);
    const second = await pm.resolve(request);
    expect(await pm.resolve(request)).toBe(second);

    // A change of another phase keeps this entry.
    await save("identity_affirmation", 1);
    await new Promise((r) => setTimeout(r, 300));
    expect(await pm.resolve(request)).toBe(second);

    // An inactive save changes nothing served: the entry stays.
    await createPrompt(SYSTEM_CALLER, {
      coachingPhase: "identity_refinement",
      body: "Draft for {user_name}",
      requiredContextKeys: ["user_name"],
      isActive: false,
    });
    await new Promise((r) => setTimeout(r, 300));
    expect(await pm.resolve(request)).toBe(second);
    // Deactivating what is served drops it.
    await updatePrompt(SYSTEM_CALLER, v1.id, { isActive: false });
    await updatePrompt(SYSTEM_CALLER, second.prompt.id, { isActive: false });
    await waitFor("the cache to forget v2", async () =>
      pm.resolve(request).then(
        () => false,
        (e: { code?: string }) => e.code === "no_active_prompt",
      ),
    );
  });

  it("drops every phase's answers when the system context, which frames them all, changes", async () => {
    await save("get_to_know_you", 1);
    const pm = client({ resolveCache: { ttlMs: 60_000, events: true } });
    const request = { phase: "get_to_know_you", context: { user_name: "Ada", asked_questions: [], user_notes: "" } };
    await pm.resolve(request);
    await waitFor("the cache to go live", () => pm.resolveCacheLive);
    const first = await pm.resolve(request);
    expect(await pm.resolve(request)).toBe(first);
    await createPrompt(SYSTEM_CALLER, { coachingPhase: "system_context", body: "You are Ida, v2.", isActive: true });
    await waitFor("the new system context", async () =>
      (await pm.resolve(request)).text.startsWith("You are Ida, v2."),
    );
  });

  it("falls back to the TTL while the stream is down", async () => {
    const down: typeof fetch = async (input, init) => {
      if (new URL(new Request(input).url).pathname === "/api/events") throw new TypeError("fetch failed");
      return inProcessFetch(input, init);
    };
    await save("identity_visualization", 1);
    const pm = client({ fetch: down, resolveCache: { ttlMs: 200, events: true, liveTtlMs: 600_000 } });
    const request = { phase: "identity_visualization", context: { user_name: "Ada" } };
    const first = await pm.resolve(request);
    expect(await pm.resolve(request)).toBe(first);
    await new Promise((r) => setTimeout(r, 250));
    expect(await pm.resolve(request)).not.toBe(first);
  });
});
