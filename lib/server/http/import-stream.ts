import "server-only";
import { AppError, isAppError } from "@/lib/domain/errors";
import type { ImportStreamEvent } from "@/lib/domain/schemas/import";
import type { Caller } from "../auth/actor";
import { importPrompts } from "../services/import-service";

export const NDJSON = "application/x-ndjson";

/** Clients that send `Accept: application/x-ndjson` get progress lines while the import runs. */
export function wantsImportStream(req: Request): boolean {
  return (req.headers.get("accept") ?? "").includes(NDJSON);
}

/**
 * Runs the import while streaming one JSON event per line: progress, then the report or the error.
 * Errors before the first progress event (bad request, not a prompt file, not allowed) still get
 * their real status; once streaming has started the status is 200 and errors travel in-band.
 */
export async function importStreamResponse(caller: Caller, input: unknown, requestId: string): Promise<Response> {
  const encoder = new TextEncoder();
  let controller!: ReadableStreamDefaultController<Uint8Array>;
  const stream = new ReadableStream<Uint8Array>({
    start: (c) => {
      controller = c;
    },
  });
  // A client that goes away (tab closed) must not abort the import half-way: the import finishes and
  // is audited as usual; only its remaining progress lines have no reader.
  const send = (event: ImportStreamEvent) => {
    try {
      controller.enqueue(encoder.encode(`${JSON.stringify(event)}\n`));
    } catch {
      // stream cancelled by the client
    }
  };
  let markStarted = () => {};
  const started = new Promise<void>((resolve) => {
    markStarted = resolve;
  });
  const run = importPrompts(caller, input, {
    onProgress: (event) => {
      markStarted();
      send(event);
    },
  });
  await Promise.race([started, run]);
  void run
    .then(
      (report) => send({ type: "report", report }),
      (error: unknown) => {
        if (!isAppError(error)) console.error(`[${requestId}]`, error);
        send({
          type: "error",
          error: (isAppError(error) ? error : new AppError("internal", "Internal error")).toJSON().error,
        });
      },
    )
    .finally(() => {
      try {
        controller.close();
      } catch {
        // already cancelled by the client
      }
    });
  return new Response(stream, { headers: { "content-type": `${NDJSON}; charset=utf-8`, "cache-control": "no-store" } });
}
