import { createHmac } from "node:crypto";
import pg from "pg";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import * as hookList from "@/app/api/webhooks/route";
import * as hookDeliveries from "@/app/api/webhooks/[id]/deliveries/route";
import { SYSTEM_CALLER } from "@/lib/server/auth/actor";
import { db } from "@/lib/server/db/client";
import { claimDue } from "@/lib/server/repositories/webhook-repository";
import { createPrompt } from "@/lib/server/services/prompt-service";
import { startWebhookWorker, type WebhookWorker } from "@/lib/server/webhooks/webhook-worker";
import { signedInUser } from "../support/auth";
import { call, type CallResult } from "../support/http";
import { serveOnSave } from "../support/serving";
import { startReceiver, type Receiver } from "../support/webhook-receiver";
import { waitFor } from "../support/wait";

const raw = new pg.Client({ connectionString: process.env.DATABASE_URL });
let admin: Record<string, string>;
const workers: WebhookWorker[] = [];
const receivers: Receiver[] = [];
const SECRET = "test-secret-0123456789abcdef";

beforeAll(async () => {
  await serveOnSave(); // production changes at once: the events under test
  await raw.connect();
  admin = (await signedInUser("admin")).headers;
});
afterEach(async () => {
  await Promise.all(workers.splice(0).map((w) => w.stop()));
  await Promise.all(receivers.splice(0).map((r) => r.close()));
  await raw.query("DELETE FROM webhooks");
});
afterAll(() => raw.end());

const worker = () => {
  const w = startWebhookWorker({ config: { retryBaseMs: 50, pollMs: 200, timeoutMs: 2_000 } });
  workers.push(w);
  return w;
};
const receiver = async (answer?: (n: number) => number, holdMs?: number) => {
  const r = await startReceiver(answer, holdMs);
  receivers.push(r);
  return r;
};
const register = (body: unknown): Promise<CallResult> => call(hookList.POST, { method: "POST", headers: admin, body });
const deliveries = async (id: string) =>
  (await call(hookDeliveries.GET, { headers: admin, params: { id } })).body.items as {
    status: string;
    eventType: string;
    log: { attempt: number; statusCode: number | null; error: string | null; durationMs: number }[];
  }[];
let phaseCounter = 0;
const PHASES = ["introduction", "get_to_know_you", "identity_warm_up", "identity_brainstorming", "identity_refinement"];
const productionChange = () =>
  createPrompt(SYSTEM_CALLER, { coachingPhase: PHASES[phaseCounter++ % PHASES.length], body: "Hi", isActive: true });

describe("webhook delivery", () => {
  it("POSTs a correctly signed event after a production change", async () => {
    const r = await receiver();
    const id = (await register({ url: r.url, events: ["prompt.changed"], secret: SECRET })).body.webhook.id;
    worker();
    await productionChange();
    await waitFor("a delivery", () => r.received.length === 1);
    const { headers, body } = r.received[0]!;
    const timestamp = String(headers["x-prompt-manager-timestamp"]);
    const expected = createHmac("sha256", SECRET).update(`${timestamp}.${body}`).digest("hex");
    expect(headers["x-prompt-manager-signature"]).toBe(`sha256=${expected}`);
    expect(Math.abs(Date.now() / 1000 - Number(timestamp))).toBeLessThan(300); // inside the replay window
    expect(headers["content-type"]).toBe("application/json");
    const payload = JSON.parse(body);
    expect(payload).toEqual({
      id: expect.stringMatching(/^\d+$/),
      type: "prompt.changed",
      data: { phase: expect.any(String), promptType: "coach", channel: "production", version: 1 },
      createdAt: expect.any(String),
    });
    await waitFor("the log to say delivered", async () => (await deliveries(id))[0]?.status === "delivered");
    expect((await deliveries(id))[0]!.log).toEqual([
      { attempt: 1, startedAt: expect.any(String), durationMs: expect.any(Number), statusCode: 200, error: null },
    ]);
  });

  it("retries after a 500 and logs both attempts", async () => {
    const r = await receiver((n) => (n === 1 ? 500 : 204));
    const id = (await register({ url: r.url, events: ["prompt.changed"] })).body.webhook.id;
    worker();
    await productionChange();
    await waitFor("the retry", () => r.received.length === 2);
    expect(r.received[1]!.body).toBe(r.received[0]!.body); // the same event again
    await waitFor("the log to say delivered", async () => (await deliveries(id))[0]?.status === "delivered");
    const d = (await deliveries(id))[0]!;
    expect(d.log.map((a) => [a.attempt, a.statusCode, a.error])).toEqual([
      [1, 500, "HTTP 500"],
      [2, 204, null],
    ]);
  });

  it("gives up after 7 attempts, each logged, and logs network errors", async () => {
    const r = await receiver(() => 503);
    const url = r.url;
    await r.close(); // nothing listens there any more: every attempt is a connection error
    const id = (await register({ url, events: ["prompt.changed"] })).body.webhook.id;
    // A tiny retry base, so all 7 attempts take well under a second.
    workers.push(startWebhookWorker({ config: { retryBaseMs: 5, pollMs: 100, timeoutMs: 2_000 } }));
    await productionChange();
    await waitFor("the delivery to fail for good", async () => (await deliveries(id))[0]?.status === "failed");
    const d = (await deliveries(id))[0]!;
    expect(d.log.map((a) => a.attempt)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    for (const a of d.log) {
      expect(a.statusCode).toBeNull();
      expect(a.error).toMatch(/ECONNREFUSED/);
    }
  });

  it("only sends subscribed event types", async () => {
    const r = await receiver();
    const id = (await register({ url: r.url, events: ["action.changed"] })).body.webhook.id;
    worker();
    await productionChange();
    await raw.query(`SELECT pm_emit_event('action.changed', '{"actionType":"add_user_note"}')`);
    await waitFor("the action event", () => r.received.length === 1);
    expect(JSON.parse(r.received[0]!.body).type).toBe("action.changed");
    expect((await deliveries(id)).map((d) => d.eventType)).toEqual(["action.changed"]);
  });

  it("keeps what was enqueued while no worker ran, and delivers it once one starts", async () => {
    const r = await receiver();
    const id = (await register({ url: r.url, events: ["prompt.changed"] })).body.webhook.id;
    await productionChange(); // no worker in this process: the event's own transaction enqueued it
    const { rows } = await raw.query("SELECT status FROM webhook_deliveries WHERE webhook_id = $1", [id]);
    expect(rows).toEqual([{ status: "pending" }]);
    expect(r.received).toHaveLength(0);
    worker();
    await waitFor("the delivery", () => r.received.length === 1);
    await waitFor("the log to say delivered", async () => (await deliveries(id))[0]?.status === "delivered");
  });

  it("a delivery claimed by a worker that died is sent by another once the lease ends", async () => {
    const r = await receiver();
    const id = (await register({ url: r.url, events: ["action.changed"] })).body.webhook.id;
    await raw.query(`SELECT pm_emit_event('action.changed', '{"actionType":"orphan"}')`);
    // A worker claims it (attempt 1) and dies before sending or recording anything.
    const [claimed] = await claimDue(db(), 10, 300);
    expect(claimed?.attempt).toBe(1);
    worker();
    await waitFor("the delivery", () => r.received.length === 1);
    await waitFor("the log to say delivered", async () => (await deliveries(id))[0]?.status === "delivered");
    expect((await deliveries(id))[0]!.log.map((a) => [a.attempt, a.statusCode])).toEqual([[2, 200]]);
  });

  it("two workers never send one event twice", async () => {
    const r = await receiver(() => 200, 30); // each answer takes a while, so double sends would overlap
    const id = (await register({ url: r.url, events: ["action.changed"] })).body.webhook.id;
    const count = 40;
    await raw.query(
      `SELECT pm_emit_event('action.changed', jsonb_build_object('actionType', 'a' || n)) FROM generate_series(1, ${count}) n`,
    );
    worker();
    worker();
    await waitFor("every delivery", () => r.received.length >= count);
    await waitFor("all logged", async () => (await deliveries(id)).every((d) => d.status === "delivered"));
    const ids = r.received.map((x) => JSON.parse(x.body).id as string);
    expect(new Set(ids).size).toBe(count);
    expect(ids).toHaveLength(count);
    expect(r.maxConcurrentPerEvent()).toBe(1);
  });

  it("forgets finished deliveries older than 30 days, keeps pending ones", async () => {
    const id = (await register({ url: "http://127.0.0.1:9/none", events: ["action.changed"] })).body.webhook.id;
    await raw.query(`SELECT pm_emit_event('action.changed', '{"actionType":"old"}')`);
    await raw.query(`SELECT pm_emit_event('action.changed', '{"actionType":"stuck"}')`);
    await raw.query(
      `UPDATE webhook_deliveries SET created_at = now() - interval '31 days',
              status = CASE WHEN event_data->>'actionType' = 'old' THEN 'delivered' ELSE 'pending' END,
              next_attempt_at = now() + interval '1 hour' WHERE webhook_id = $1`,
      [id],
    );
    worker();
    await waitFor("the old delivery to go", async () => (await deliveries(id)).length === 1);
    expect((await deliveries(id)).map((d) => d.status)).toEqual(["pending"]);
  });
});
