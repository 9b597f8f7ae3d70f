import type { ChangeEventRow } from "../repositories/change-event-repository";

/** One Server-Sent Events block: `id` (where a reconnect resumes), `event` (the type) and JSON `data`. */
export function sseEvent(event: ChangeEventRow): string {
  return `id: ${event.id}\nevent: ${event.type}\ndata: ${JSON.stringify(event.data)}\n\n`;
}

export function sseResync(cursor: bigint | null): string {
  return `${cursor === null ? "" : `id: ${cursor}\n`}event: resync\ndata: {}\n\n`;
}

/**
 * An id with no data dispatches no event but moves the reader's Last-Event-ID (WHATWG SSE
 * "dispatch the event", step 1): a new reader thus resumes from here even if nothing happens before
 * it reconnects.
 */
export function sseCursor(cursor: bigint): string {
  return `retry: 1000\nid: ${cursor}\n\n`;
}

/**
 * Sent as a draining instance closes a stream: the reader should come back soon (to another instance,
 * through the balancer), a little later than its default so a fleet's readers do not all reconnect in
 * the same instant. No data: it dispatches nothing, it only sets the reconnection time.
 */
export function sseDrainHint(): string {
  return `retry: ${1000 + Math.floor(Math.random() * 1000)}\n\n`;
}

export const SSE_HEARTBEAT = ": heartbeat\n\n";

/** Last-Event-ID as the id it must be (a decimal event id), else null: a reader we cannot place resyncs. */
export function parseLastEventId(raw: string | null): bigint | null | "invalid" {
  if (raw === null || raw.trim() === "") return null;
  return /^\d{1,18}$/.test(raw.trim()) ? BigInt(raw.trim()) : "invalid";
}
