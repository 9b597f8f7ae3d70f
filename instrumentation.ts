// Next calls register() once when a server process starts: background work that belongs to a running
// instance starts here. Not during `next build` (no database to talk to then), not on the edge.
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs" || process.env.NEXT_PHASE === "phase-production-build") return;
  const { ensureWebhookWorker } = await import("./lib/server/webhooks/background");
  ensureWebhookWorker();
}
