import "server-only";
import type { ChangeEventRow, ChangeEventType } from "../repositories/change-event-repository";
import { subscribeToChanges } from "../db/shared-listener";

export type HubMessage = { kind: "event"; event: ChangeEventRow } | { kind: "resync" };
type Subscriber = (message: HubMessage) => void;

interface HubState {
  subscribers: Set<Subscriber>;
  unsubscribe: (() => Promise<void>) | null;
  listening: boolean;
  /** Resolved whenever the hub is listening; replaced by a pending one while it is not. */
  ready: Promise<void>;
  markReady: () => void;
  readyPending: boolean;
}

const holder = globalThis as unknown as { pmEventHub?: HubState };

function hub(): HubState {
  if (holder.pmEventHub) return holder.pmEventHub;
  const state = { subscribers: new Set(), unsubscribe: null, listening: false } as unknown as HubState;
  resetReady(state);
  return (holder.pmEventHub = state);
}

// Waiters hold the pending promise across outages: it is only replaced once it has resolved.
function resetReady(state: HubState) {
  if (state.readyPending) return;
  state.readyPending = true;
  state.ready = new Promise<void>(
    (resolve) =>
      (state.markReady = () => {
        state.readyPending = false;
        resolve();
      }),
  );
}

/**
 * Fans the database's `pm_events` notifications (one per committed change event, from every
 * instance and from raw SQL) out to this process's subscribers (event streams, webhook worker),
 * over the process's one shared LISTEN connection. Notifications sent while the connection was down
 * are lost, so every subscriber gets `resync` when it is back.
 */
export function subscribeEvents(subscriber: Subscriber): () => void {
  const state = hub();
  state.subscribers.add(subscriber);
  if (!state.unsubscribe) start(state);
  return () => {
    state.subscribers.delete(subscriber);
    if (state.subscribers.size === 0 && state.unsubscribe) {
      const stop = state.unsubscribe;
      state.unsubscribe = null;
      state.listening = false;
      resetReady(state);
      void stop();
    }
  };
}

/** Resolves once the hub is listening, so a replay read after it misses nothing. */
export function eventsListening(): Promise<void> {
  const state = hub();
  return state.listening ? Promise.resolve() : state.ready;
}

function start(state: HubState) {
  let lost = false;
  const send = (message: HubMessage) => {
    for (const s of [...state.subscribers]) {
      try {
        s(message);
      } catch (error) {
        console.error("event subscriber failed", error);
      }
    }
  };
  state.unsubscribe = subscribeToChanges({
    onNotify: (channel, payload) => {
      if (channel !== "pm_events") return;
      const event = parseEvent(payload);
      send(event ? { kind: "event", event } : { kind: "resync" });
    },
    onListening: () => {
      state.listening = true;
      state.markReady();
      if (lost) send({ kind: "resync" });
      lost = false;
    },
    onLost: () => {
      lost = true;
      state.listening = false;
      resetReady(state);
    },
  });
}

function parseEvent(payload: string): ChangeEventRow | null {
  try {
    const raw = JSON.parse(payload) as { id?: unknown; type?: unknown; data?: unknown };
    if (typeof raw.id !== "number" && typeof raw.id !== "string") return null;
    if (typeof raw.type !== "string" || typeof raw.data !== "object" || raw.data === null) return null;
    return { id: BigInt(raw.id), type: raw.type as ChangeEventType, data: raw.data as Record<string, unknown> };
  } catch {
    return null; // not understood: a resync is always correct
  }
}
