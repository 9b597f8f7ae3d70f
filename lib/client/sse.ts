/** One dispatched Server-Sent Event (`event` defaults to "message"), plus the Last-Event-ID after it. */
export interface SseMessage {
  event: string;
  data: string;
  lastEventId: string;
}

/**
 * Parses a Server-Sent Events byte stream as the WHATWG spec does (fields, comments, CR/LF/CRLF line
 * ends, ids without data that only move Last-Event-ID). `onId` reports every id change, so a reader
 * resumes after the last id it saw, dispatched or not. Works on any ReadableStream (Node 20+, browsers).
 */
export async function readSse(
  body: ReadableStream<Uint8Array>,
  onMessage: (message: SseMessage) => void,
  initialId = "",
  onId?: (id: string) => void,
): Promise<void> {
  const reader = body.pipeThrough(new TextDecoderStream() as ReadableWritablePair<string, Uint8Array>).getReader();
  let buffer = "";
  let lastEventId = initialId;
  let pendingId = initialId;
  let event = "";
  let data: string[] = [];
  const line = (text: string) => {
    if (text === "") {
      lastEventId = pendingId;
      onId?.(lastEventId);
      if (data.length > 0) onMessage({ event: event || "message", data: data.join("\n"), lastEventId });
      event = "";
      data = [];
      return;
    }
    if (text.startsWith(":")) return;
    const colon = text.indexOf(":");
    const field = colon < 0 ? text : text.slice(0, colon);
    let value = colon < 0 ? "" : text.slice(colon + 1);
    if (value.startsWith(" ")) value = value.slice(1);
    if (field === "event") event = value;
    else if (field === "data") data.push(value);
    else if (field === "id" && !value.includes("\0")) pendingId = value;
  };
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      buffer += value;
      for (;;) {
        const end = buffer.search(/\r\n|\r|\n/);
        // A lone CR at the end may be half of a CRLF still in flight.
        if (end < 0 || (buffer[end] === "\r" && end === buffer.length - 1)) break;
        const width = buffer.startsWith("\r\n", end) ? 2 : 1;
        line(buffer.slice(0, end));
        buffer = buffer.slice(end + width);
      }
    }
  } finally {
    reader.releaseLock();
  }
}
