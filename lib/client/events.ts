import { PromptManagerError } from "./errors";
import type { Transport } from "./http";
import { readSse } from "./sse";

/** What production or staging serves for a phase and prompt type changed (version null: nothing). */
export interface PromptChangedEvent {
  type: "prompt.changed";
  id: string;
  phase: string | null;
  promptType: string;
  channel: "production" | "staging";
  version: number | null;
}

/** An action's served instruction changed. */
export interface ActionChangedEvent {
  type: "action.changed";
  id: string;
  actionType: string;
}

/** Events may have been missed (history exceeded, server's database reconnected): drop everything cached. */
export interface ResyncEvent {
  type: "resync";
  id: string;
}

/** The stream is (re)connected, or lost (`connected: false`): a cache should rely on its TTL meanwhile. */
export interface StreamStateEvent {
  type: "stream";
  connected: boolean;
  error?: PromptManagerError;
}

export type ChangeEvent = PromptChangedEvent | ActionChangedEvent | ResyncEvent;

export interface SubscribeOptions {
  /** Resume after this event id (default: from now on). */
  lastEventId?: string;
  /** Called when the stream connects or drops. */
  onState?: (state: StreamStateEvent) => void;
  /** Reconnect delays grow from minRetryMs to maxRetryMs (with jitter). */
  minRetryMs?: number;
  maxRetryMs?: number;
}

export interface Subscription {
  /** Stops the stream and every reconnect. */
  close: () => void;
  /** The last event id seen (resume point). */
  readonly lastEventId: string;
  readonly connected: boolean;
}

const KNOWN = new Set(["prompt.changed", "action.changed", "resync"]);

/**
 * Follows GET /api/events: reconnects forever with backoff and Last-Event-ID (so missed events are
 * replayed, or a `resync` says they cannot be), until `close()`. fetch-based, so it sends the API key
 * as a header (EventSource cannot) and runs in Node and browsers alike.
 */
export function subscribeToEvents(
  t: Transport,
  onEvent: (event: ChangeEvent) => void,
  options: SubscribeOptions = {},
): Subscription {
  const controller = new AbortController();
  let lastEventId = options.lastEventId ?? "";
  let connected = false;
  const minRetry = options.minRetryMs ?? 250;
  const maxRetry = options.maxRetryMs ?? 10_000;
  const setState = (up: boolean, error?: PromptManagerError) => {
    if (connected === up && up) return;
    connected = up;
    options.onState?.({ type: "stream", connected: up, ...(error ? { error } : {}) });
  };

  const once = async () => {
    const url = new URL("api/events", t.baseUrl.endsWith("/") ? t.baseUrl : `${t.baseUrl}/`);
    const headers: Record<string, string> = { accept: "text/event-stream" };
    if (t.apiKey) headers.authorization = `Bearer ${t.apiKey}`;
    if (lastEventId) headers["last-event-id"] = lastEventId;
    const res = await t.fetch(url, { headers, signal: controller.signal, cache: "no-store" });
    if (!res.ok || !res.body) {
      const body = (await res.json().catch(() => null)) as { error?: { code?: string; message?: string } } | null;
      throw new PromptManagerError({
        code: (body?.error?.code as never) ?? "bad_response",
        status: res.status,
        message: body?.error?.message ?? `GET /api/events answered ${res.status}`,
      });
    }
    setState(true);
    await readSse(
      res.body,
      (m) => {
        if (!KNOWN.has(m.event)) return;
        const data = m.data ? (JSON.parse(m.data) as Record<string, unknown>) : {};
        onEvent({ ...data, type: m.event, id: m.lastEventId } as ChangeEvent);
      },
      lastEventId,
      (id) => (lastEventId = id),
    );
  };

  void (async () => {
    let failures = 0;
    while (!controller.signal.aborted) {
      let error: PromptManagerError | undefined;
      try {
        await once();
        failures = 0;
      } catch (e) {
        if (controller.signal.aborted) break;
        error =
          e instanceof PromptManagerError
            ? e
            : new PromptManagerError({ code: "network", status: 0, message: (e as Error)?.message ?? String(e) });
        failures++;
      }
      if (controller.signal.aborted) break;
      setState(false, error);
      const delay = Math.min(maxRetry, minRetry * 2 ** Math.min(failures, 16)) * (0.8 + Math.random() * 0.4);
      await new Promise((r) => setTimeout(r, delay));
    }
  })();

  return {
    close: () => {
      controller.abort();
      if (connected) setState(false);
    },
    get lastEventId() {
      return lastEventId;
    },
    get connected() {
      return connected;
    },
  };
}
