import pg from "pg";
import { afterAll, afterEach, beforeAll, expect, it } from "vitest";
import * as ready from "@/app/api/health/ready/route";
import { closeLongLived } from "@/lib/runtime/lifecycle";
import { sharedListenerListening } from "@/lib/server/db/shared-listener";
import { SYSTEM_CALLER } from "@/lib/server/auth/actor";
import { createWebhook } from "@/lib/server/services/webhook-service";
import { ensureWebhookWorker, webhookWorkerState } from "@/lib/server/webhooks/background";
import { startReceiver, type Receiver } from "../support/webhook-receiver";
import { waitFor } from "../support/wait";

// The process's own worker (what instrumentation.ts starts) and its end at the drain. A file of its
// own: closeLongLived() ends the drain period for this whole test process.
const raw = new pg.Client({ connectionString: process.env.DATABASE_URL });
let r: Receiver;
beforeAll(async () => {
  await raw.connect();
  r = await startReceiver();
});
afterEach(() => raw.query("DELETE FROM webhooks"));
afterAll(async () => {
  await r.close();
  await raw.end();
});

it("started before anything else listens, the prompt cache still gets ready", async () => {
  // instrumentation.ts starts the worker first, so the shared LISTEN connection is up before the
  // prompt cache subscribes to it (a late subscriber used to be told "listening" too early).
  ensureWebhookWorker();
  await waitFor("the shared listener", () => sharedListenerListening());
  await waitFor("readiness", async () => (await ready.GET(new Request("http://localhost/api/health/ready"))).ok);
});

it("starts once per process, delivers, and stops when the drain period ends", async () => {
  await createWebhook(SYSTEM_CALLER, { url: r.url, events: ["action.changed"] });
  ensureWebhookWorker(); // a second call (another module copy): still the one worker
  expect(webhookWorkerState()).toBe("running");
  await raw.query(`SELECT pm_emit_event('action.changed', '{"actionType":"before_drain"}')`);
  await waitFor("the delivery", () => r.received.length === 1);

  closeLongLived();
  await waitFor("the worker to stop", () => webhookWorkerState() === "stopped");
  await raw.query(`SELECT pm_emit_event('action.changed', '{"actionType":"after_drain"}')`);
  const { rows } = await raw.query(
    `SELECT status, attempts FROM webhook_deliveries WHERE event_data->>'actionType' = 'after_drain'`,
  );
  expect(rows).toEqual([{ status: "pending", attempts: 0 }]); // left to the instances that stay
  expect(r.received).toHaveLength(1);
});
