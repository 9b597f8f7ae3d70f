import "server-only";
import { onDrain } from "@/lib/runtime/lifecycle";
import { db } from "../db/client";
import { replaySince } from "../repositories/change-event-repository";
import { eventsListening, subscribeEvents, type HubMessage } from "./event-hub";
import type { EventsConfig } from "./events-config";
import { SSE_HEARTBEAT, sseCursor, sseDrainHint, sseEvent, sseResync } from "./sse";

export interface EventStreamOptions {
  /** The reader's Last-Event-ID: null for a new reader, "invalid" for one we cannot place (it resyncs). */
  after: bigint | null | "invalid";
  signal: AbortSignal;
  config: EventsConfig;
  onClose: () => void;
}

const encoder = new TextEncoder();

/**
 * The body of GET /api/events. Live events are subscribed to first and held back while the missed
 * ones are read from the database's history, so nothing falls between the replay and the live feed;
 * ids at or below what was already sent are skipped. A reader that leaves more than
 * maxBufferedBytes unread is dropped (the stream errors): it reconnects with its Last-Event-ID and
 * gets what it missed from the history, instead of this process buffering for it without limit.
 * When the instance drains (SIGTERM, `npm run serve`), the stream ends with a `retry:` hint at the end
 * of the drain period: the reader reconnects through the balancer to an instance that stays and
 * resumes from its Last-Event-ID, so it misses nothing.
 */
export function eventStream(opts: EventStreamOptions): ReadableStream<Uint8Array> {
  let cleanup = () => undefined as void;
  return new ReadableStream<Uint8Array>(
    {
      start(controller) {
        let sent: bigint | null = null; // highest id sent; null until the replay is done
        let held: HubMessage[] = [];
        let closed = false;
        const write = (text: string) => {
          if (closed) return;
          controller.enqueue(encoder.encode(text));
          if ((controller.desiredSize ?? 0) < -opts.config.maxBufferedBytes) {
            close();
            controller.error(new Error("event stream reader too slow; dropped"));
          }
        };
        const deliver = (m: HubMessage) => {
          if (m.kind === "resync") write(sseResync(null));
          else if (sent === null || m.event.id > sent) {
            write(sseEvent(m.event));
            sent = m.event.id;
          }
        };
        const unsubscribe = subscribeEvents((m) => (sent === null ? held.push(m) : deliver(m)));
        const heartbeat = setInterval(() => write(SSE_HEARTBEAT), opts.config.heartbeatMs);
        let unregisterDrain = () => undefined as unknown;
        const close = () => {
          if (closed) return;
          closed = true;
          unregisterDrain();
          clearInterval(heartbeat);
          unsubscribe();
          opts.signal.removeEventListener("abort", onAbort);
          opts.onClose();
        };
        const onAbort = () => {
          close();
          try {
            controller.close();
          } catch {
            // already errored or closed
          }
        };
        cleanup = close;
        opts.signal.addEventListener("abort", onAbort);
        unregisterDrain = onDrain(() => {
          write(sseDrainHint());
          onAbort();
        });
        write(": connected\n\n");
        void (async () => {
          // Until this instance listens, a change could commit between the replay and the live feed.
          // Meanwhile (database down at connect time) the reader only gets heartbeats.
          await eventsListening();
          if (closed) return;
          try {
            const replay = await replaySince(db(), opts.after === "invalid" ? -1n : opts.after);
            if (replay.kind === "resync") write(sseResync(replay.cursor));
            else for (const e of replay.events) write(sseEvent(e));
            write(sseCursor(replay.cursor));
            sent = replay.cursor;
          } catch (error) {
            console.warn(
              `event stream: replay failed (${error instanceof Error ? error.message : String(error)}); resync`,
            );
            // The database is unreachable: the reader cannot be placed, so it starts over; live events
            // (and a resync once the listener is back) follow as usual.
            write(sseResync(null));
            sent = 0n;
          }
          const pending = held;
          held = [];
          for (const m of pending) deliver(m);
        })();
      },
      cancel() {
        cleanup();
      },
    },
    new ByteLengthQueuingStrategy({ highWaterMark: 16 * 1024 }),
  );
}
