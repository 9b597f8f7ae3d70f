import "server-only";
import { cacheConfig } from "../cache/cache-config";
import { startChangeListener, type ChangeListener } from "./change-listener";
import { listenDatabaseUrl } from "./url";

/** Every channel this app LISTENs on; one connection per process serves them all. */
export const LISTEN_CHANNELS = [
  "prompt_changes",
  "api_key_changes",
  "action_instruction_changes",
  "pm_events",
] as const;
export type ListenChannel = (typeof LISTEN_CHANNELS)[number];

export interface ListenerSubscriber {
  onNotify: (channel: ListenChannel, payload: string) => void;
  /** Listening (again): called at once if the connection is already up. */
  onListening: () => void;
  onLost: (error: unknown) => void;
}

interface SharedState {
  listener: ChangeListener | null;
  subscribers: Set<ListenerSubscriber>;
}

// On globalThis like the Prisma client: one LISTEN connection per process, whatever module copies load it.
const holder = globalThis as unknown as { pmSharedListener?: SharedState };
const shared = (holder.pmSharedListener ??= { listener: null, subscribers: new Set() });

/**
 * Subscribes to the process's one LISTEN connection (the prompt cache, the API-key cache, the event
 * stream and the webhook worker all share it: a connection per request or per feature would eat the
 * database's connection limit). Started on the first subscriber, closed after the last one leaves.
 */
export function subscribeToChanges(subscriber: ListenerSubscriber): () => Promise<void> {
  shared.subscribers.add(subscriber);
  if (!shared.listener) shared.listener = start();
  // Told after subscribeToChanges returns, as when the connection comes up: a subscriber may still be
  // initialising what its onListening touches (the prompt cache assigns its state after subscribing).
  else if (shared.listener.isListening())
    queueMicrotask(() => {
      if (shared.subscribers.has(subscriber)) subscriber.onListening();
    });
  return async () => {
    if (!shared.subscribers.delete(subscriber) || shared.subscribers.size > 0) return;
    const listener = shared.listener;
    shared.listener = null;
    await listener?.stop();
  };
}

export function sharedListenerListening(): boolean {
  return shared.listener?.isListening() ?? false;
}

function start(): ChangeListener {
  const { pingMs } = cacheConfig();
  const each = (call: (s: ListenerSubscriber) => void) => {
    for (const s of [...shared.subscribers]) {
      try {
        call(s);
      } catch (error) {
        console.error("change listener subscriber failed", error);
      }
    }
  };
  return startChangeListener({
    url: listenDatabaseUrl(),
    channels: LISTEN_CHANNELS,
    pingEveryMs: pingMs,
    pingTimeoutMs: Math.min(2_000, pingMs),
    onNotify: (channel, payload) => each((s) => s.onNotify(channel as ListenChannel, payload)),
    onListening: () => each((s) => s.onListening()),
    onLost: (error) => each((s) => s.onLost(error)),
  });
}

/** Closes the connection and forgets every subscriber (tests, before dropping their database). */
export async function stopSharedListener(): Promise<void> {
  shared.subscribers.clear();
  const listener = shared.listener;
  shared.listener = null;
  await listener?.stop();
}
