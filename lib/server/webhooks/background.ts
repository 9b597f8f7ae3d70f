import "server-only";
import { onDrain } from "@/lib/runtime/lifecycle";
import { startWebhookWorker } from "./webhook-worker";

export type BackgroundWorkerState = "running" | "stopping" | "stopped";

// One worker per process, whatever module copies load this (Next may evaluate it more than once).
const holder = globalThis as unknown as { pmWebhookWorker?: { state: BackgroundWorkerState } };

/**
 * Starts this process's webhook worker (from instrumentation.ts when the server starts); it stops
 * when the drain period ends, so a stopping instance sends nothing new (its claimed deliveries
 * finish; unclaimed ones are left to the instances that stay).
 */
export function ensureWebhookWorker(): void {
  if (holder.pmWebhookWorker) return;
  const worker = startWebhookWorker();
  const entry = (holder.pmWebhookWorker = { state: "running" as BackgroundWorkerState });
  onDrain(() => {
    entry.state = "stopping";
    void worker.stop().then(() => (entry.state = "stopped"));
  });
}

/** The process's worker: null before it was started (health checks, tests). */
export function webhookWorkerState(): BackgroundWorkerState | null {
  return holder.pmWebhookWorker?.state ?? null;
}
