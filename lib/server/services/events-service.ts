import "server-only";
import { AppError } from "@/lib/domain/errors";
import type { Caller } from "../auth/actor";
import { authorize } from "../auth/authorize";
import { eventStream } from "../events/event-stream";
import { eventsConfig } from "../events/events-config";
import { parseLastEventId } from "../events/sse";

// Open streams per API key or person on this instance (a leaked loop of reconnects must not take
// every connection the process can hold).
const holder = globalThis as unknown as { pmEventStreams?: Map<string, number> };
const open = (holder.pmEventStreams ??= new Map());

/**
 * GET /api/events: Server-Sent Events of what production (and staging) serves. For API keys with the
 * `resolve` scope and signed-in people. `Last-Event-ID` (header, or `?lastEventId=` for readers that
 * cannot set headers) resumes after the last event seen.
 */
export function openEvents(caller: Caller, req: Request): Response {
  authorize(caller, "resolve");
  const config = eventsConfig();
  const who =
    caller.actor.kind === "api_key" || caller.actor.kind === "user"
      ? `${caller.actor.kind}:${caller.actor.id}`
      : "system";
  const count = open.get(who) ?? 0;
  if (count >= config.maxPerKey)
    throw new AppError(
      "rate_limited",
      `At most ${config.maxPerKey} event streams per API key or person on one instance`,
      {
        limit: config.maxPerKey,
      },
    );
  open.set(who, count + 1);
  let released = false;
  const release = () => {
    if (released) return;
    released = true;
    const left = (open.get(who) ?? 1) - 1;
    if (left > 0) open.set(who, left);
    else open.delete(who);
  };
  const after = parseLastEventId(req.headers.get("last-event-id") ?? new URL(req.url).searchParams.get("lastEventId"));
  const body = eventStream({ after, signal: req.signal, config, onClose: release });
  return new Response(body, {
    headers: {
      "content-type": "text/event-stream; charset=utf-8",
      "cache-control": "no-store, no-transform",
      "x-accel-buffering": "no", // nginx: pass each event on at once
    },
  });
}

/** Streams open on this instance for one key or person (tests, metrics). */
export function openEventStreams(who: string): number {
  return open.get(who) ?? 0;
}
