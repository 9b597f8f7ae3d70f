import "server-only";
import { onDrain } from "@/lib/runtime/lifecycle";
import { startWebhookWorker, type WebhookWorker } from "./webhook-worker";

// One worker per process, whatever module copies load this (Next may evaluate it more than once).
const holder = globalThis as unknown as { pmWebhookWorker?: WebhookWorker };

/**
 * Starts this process's webhook worker (from instrumentation.ts when the server starts); it stops
 * when the drain period ends, so a stopping instance sends nothing new (its claimed deliveries
 * finish; unclaimed ones are left to the instances that stay).
 */
export function ensureWebhookWorker(): void {
  if (holder.pmWebhookWorker) return;
  const worker = startWebhookWorker();
  holder.pmWebhookWorker = worker;
  onDrain(() => void worker.stop());
}
