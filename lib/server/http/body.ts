import "server-only";
import { AppError } from "@/lib/domain/errors";

/** Default cap on a request body: far above any prompt or resolve call, far below a memory risk. */
export const DEFAULT_MAX_BODY_BYTES = 1024 * 1024;

function tooLarge(maxBytes: number): AppError {
  return new AppError("payload_too_large", `The request body is larger than ${maxBytes} bytes`, { maxBytes });
}

/**
 * Reads a request body as UTF-8 text, at most `maxBytes`. A declared Content-Length over the cap is
 * refused before reading anything; otherwise the stream is read chunk by chunk and cancelled as soon
 * as the cap is passed, so an oversized (or lying) upload never ends up in memory.
 */
export async function readBodyText(req: Request, maxBytes: number): Promise<string> {
  const declared = Number(req.headers.get("content-length"));
  if (Number.isFinite(declared) && declared > maxBytes) throw tooLarge(maxBytes);
  if (!req.body) return "";
  const reader = req.body.getReader();
  const decoder = new TextDecoder();
  const parts: string[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel().catch(() => undefined);
      throw tooLarge(maxBytes);
    }
    parts.push(decoder.decode(value, { stream: true }));
  }
  parts.push(decoder.decode());
  return parts.join("");
}
