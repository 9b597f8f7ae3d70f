type RouteHandler<P> = (req: Request, segment: { params: Promise<P> }) => Promise<Response>;

export interface CallResult<T = any> {
  status: number;
  body: T;
  headers: Headers;
}

let defaultHeaders: Record<string, string> = {};
/** Credentials every later `call` in this file sends unless it passes its own headers. */
export function authenticateCallsAs(headers: Record<string, string>): void {
  defaultHeaders = headers;
}

/** Calls a route handler as Next would: a real Request, params as a promise. */
export async function call<T = any, P = Record<string, string>>(
  handler: RouteHandler<P>,
  opts: {
    method?: string;
    path?: string;
    body?: unknown;
    rawBody?: string;
    params?: P;
    headers?: Record<string, string>;
  } = {},
): Promise<CallResult<T>> {
  const headers = new Headers(opts.headers ?? defaultHeaders);
  let body: string | undefined = opts.rawBody;
  if (opts.body !== undefined) {
    body = JSON.stringify(opts.body);
    headers.set("content-type", "application/json");
  }
  const req = new Request(`http://localhost${opts.path ?? "/api/test"}`, {
    method: opts.method ?? "GET",
    body,
    headers,
  });
  const res = await handler(req, { params: Promise.resolve((opts.params ?? {}) as P) });
  const text = await res.text();
  return { status: res.status, body: text ? (JSON.parse(text) as T) : (undefined as T), headers: res.headers };
}
