import { ERROR_STATUS, type ErrorCode } from "@/lib/domain/errors";
import { PromptManagerError } from "./errors";

export interface Transport {
  baseUrl: string;
  apiKey?: string;
  timeoutMs: number;
  fetch: typeof fetch;
}

export interface CallOptions {
  /** Overrides the client's timeout for this call (milliseconds). */
  timeoutMs?: number;
  /** Cancels the call; it then throws a PromptManagerError with code "aborted". */
  signal?: AbortSignal;
}

interface Request {
  method: string;
  path: string;
  query?: Record<string, string | number | boolean | undefined>;
  body?: unknown;
  accept?: string;
}

/**
 * One HTTP exchange: JSON in; a 2xx answer is handed to `read` (default: parse JSON) under the same
 * deadline, so a body that stalls also times out. Every failure is a PromptManagerError.
 */
export async function send<T>(
  t: Transport,
  req: Request,
  options: CallOptions = {},
  read: (res: Response) => Promise<T> = (r) => r.json() as Promise<T>,
): Promise<T> {
  const url = new URL(req.path, t.baseUrl.endsWith("/") ? t.baseUrl : `${t.baseUrl}/`);
  for (const [key, value] of Object.entries(req.query ?? {}))
    if (value !== undefined) url.searchParams.set(key, String(value));
  const headers: Record<string, string> = { accept: req.accept ?? "application/json" };
  if (req.body !== undefined) headers["content-type"] = "application/json";
  if (t.apiKey) headers.authorization = `Bearer ${t.apiKey}`;
  const timeout = AbortSignal.timeout(options.timeoutMs ?? t.timeoutMs);
  const signal = options.signal ? AbortSignal.any([options.signal, timeout]) : timeout;
  let res: Response;
  try {
    res = await t.fetch(url, {
      method: req.method,
      headers,
      body: req.body === undefined ? undefined : JSON.stringify(req.body),
      signal,
    });
    if (res.ok) return await read(res);
  } catch (error) {
    throw failure(error, timeout, url);
  }
  const requestId = res.headers.get("x-request-id");
  const body = (await res.json().catch(() => null)) as {
    error?: { code?: string; message?: string; details?: unknown };
  } | null;
  const code = body?.error?.code;
  if (code && code in ERROR_STATUS) {
    throw new PromptManagerError({
      code: code as ErrorCode,
      status: res.status,
      message: body.error?.message ?? code,
      details: body.error?.details,
      requestId,
    });
  }
  throw new PromptManagerError({
    code: "bad_response",
    status: res.status,
    message: `${req.method} ${url.pathname} answered ${res.status} without an API error`,
    requestId,
  });
}

/** Reads an NDJSON body line by line (lines can arrive split across chunks). */
export async function* ndjsonLines(res: Response): AsyncGenerator<unknown> {
  if (!res.body) return;
  const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = "";
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    const lines = (buffer += value).split("\n");
    buffer = lines.pop() ?? "";
    for (const line of lines) if (line.trim()) yield JSON.parse(line) as unknown;
  }
  if (buffer.trim()) yield JSON.parse(buffer) as unknown;
}

function failure(error: unknown, timeout: AbortSignal, url: URL): PromptManagerError {
  if (error instanceof PromptManagerError) return error;
  const name = (error as { name?: string })?.name;
  if (timeout.aborted) {
    return new PromptManagerError({ code: "timeout", status: 0, message: `${url.pathname} did not answer in time` });
  }
  if (name === "AbortError")
    return new PromptManagerError({ code: "aborted", status: 0, message: "The call was cancelled" });
  if (error instanceof SyntaxError)
    return new PromptManagerError({
      code: "bad_response",
      status: 200,
      message: `${url.pathname} answered with invalid JSON`,
    });
  return new PromptManagerError({
    code: "network",
    status: 0,
    message: `Could not reach ${url.origin}: ${(error as Error)?.message ?? error}`,
  });
}
