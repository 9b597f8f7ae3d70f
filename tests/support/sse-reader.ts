import { GET as events } from "@/app/api/events/route";
import { readSse, type SseMessage } from "@/lib/client/sse";

export interface OpenStream {
  status: number;
  messages: SseMessage[];
  /** Raw text received, comments included (heartbeats). */
  text: () => string;
  lastEventId: () => string;
  /** Resolves when the stream ends (closed by us, or dropped by the server). */
  ended: Promise<"closed" | "errored">;
  close: () => void;
}

/** Opens GET /api/events on the real route handler and collects what it sends. */
export async function openEventStream(headers: Record<string, string>, path = "/api/events"): Promise<OpenStream> {
  const abort = new AbortController();
  const res = await events(new Request(`http://localhost${path}`, { headers, signal: abort.signal }), {
    params: Promise.resolve({}),
  });
  const messages: SseMessage[] = [];
  let raw = "";
  let lastId = headers["last-event-id"] ?? "";
  let ended: Promise<"closed" | "errored"> = Promise.resolve("closed");
  if (res.ok && res.body) {
    const [forText, forEvents] = res.body.tee();
    void (async () => {
      const reader = forText
        .pipeThrough(new TextDecoderStream() as ReadableWritablePair<string, Uint8Array>)
        .getReader();
      for (;;) {
        const chunk = await reader.read().catch(() => ({ done: true, value: undefined }));
        if (chunk.done) return;
        raw += chunk.value;
      }
    })();
    ended = readSse(
      forEvents,
      (m) => messages.push(m),
      lastId,
      (id) => (lastId = id),
    ).then(
      () => "closed" as const,
      () => "errored" as const,
    );
  } else if (res.body) {
    raw = await res.text();
  }
  return {
    status: res.status,
    messages,
    text: () => raw,
    lastEventId: () => lastId,
    ended,
    close: () => abort.abort(),
  };
}
