import "server-only";
import { retryDelayMs } from "@/lib/domain/webhooks/retry-schedule";
import { db, type Db } from "../db/client";
import { subscribeToChanges } from "../db/shared-listener";
import {
  claimDue,
  msUntilNextDue,
  pruneFinished,
  recordAttempt,
  type AttemptOutcome,
  type ClaimedDelivery,
} from "../repositories/webhook-repository";
import { sendDelivery } from "./send-delivery";
import { webhookConfig, type WebhookConfig } from "./webhook-config";

export interface WebhookWorker {
  /** Look for due deliveries now (a new event committed). */
  wake(): void;
  /** Stops claiming; resolves once the deliveries in flight are sent and recorded. */
  stop(): Promise<void>;
}

const BATCH = 10;
// Finished deliveries are kept this long in the log, and pruned about once an hour per instance.
export const WEBHOOK_LOG_DAYS = 30;
const PRUNE_EVERY_MS = 3_600_000;

/**
 * Drains the webhook queue (table webhook_deliveries) on this instance. Every instance runs one; they
 * share the queue safely (claims use FOR UPDATE SKIP LOCKED and a lease). Woken by each change event's
 * NOTIFY on the process's shared LISTEN connection; `pollMs` is the safety net for a missed one, and a
 * retry's due time wakes it too.
 */
export function startWebhookWorker(options: { client?: Db; config?: Partial<WebhookConfig> } = {}): WebhookWorker {
  const client = options.client ?? db();
  const config = { ...webhookConfig(), ...options.config };
  // Longer than any attempt can take, so no other worker claims a delivery while it is being sent.
  const leaseMs = config.timeoutMs + 30_000;
  let stopped = false;
  let woken = false;
  let sleeper: (() => void) | null = null;
  let failing = false;

  const wake = () => {
    woken = true;
    sleeper?.();
  };
  const unsubscribe = subscribeToChanges({
    onNotify: (channel) => {
      if (channel === "pm_events") wake();
    },
    onListening: wake, // notifications may have been missed while it was down
    onLost: () => undefined, // the poll carries on meanwhile
  });

  const sleep = (ms: number) =>
    new Promise<void>((resolve) => {
      if (woken || stopped) return resolve();
      const timer = setTimeout(done, ms);
      function done() {
        clearTimeout(timer);
        sleeper = null;
        resolve();
      }
      sleeper = done;
    });

  const deliver = async (d: ClaimedDelivery) => {
    const sent = await sendDelivery(d, config.timeoutMs);
    const retryInMs = sent.ok ? null : retryDelayMs(d.attempt, config.retryBaseMs);
    const next: AttemptOutcome["next"] = sent.ok
      ? { kind: "delivered" }
      : retryInMs === null
        ? { kind: "failed" }
        : { kind: "retry", retryInMs };
    // Not recorded (database down): the lease ends and the delivery is sent again (at least once).
    await recordAttempt(client, d, { ...sent, next }).catch((error: unknown) =>
      console.error(`webhooks: could not record delivery ${d.id}`, error),
    );
  };

  let prunedAt = 0;
  const loop = async () => {
    while (!stopped) {
      woken = false;
      try {
        if (Date.now() - prunedAt >= PRUNE_EVERY_MS) {
          await pruneFinished(client, WEBHOOK_LOG_DAYS);
          prunedAt = Date.now();
        }
        const claimed = await claimDue(client, BATCH, leaseMs);
        failing = false;
        if (claimed.length > 0) {
          await Promise.all(claimed.map(deliver));
          continue; // more may be due
        }
        const dueIn = await msUntilNextDue(client);
        await sleep(Math.min(config.pollMs, dueIn ?? config.pollMs));
      } catch (error) {
        if (!failing) console.warn(`webhooks: cannot read the queue (${String(error)}); retrying`);
        failing = true;
        await sleep(config.pollMs);
      }
    }
  };
  const running = loop();

  return {
    wake,
    stop: async () => {
      stopped = true;
      sleeper?.();
      await running;
      await unsubscribe();
    },
  };
}
