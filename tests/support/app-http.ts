import type { AppServer } from "@/scripts/lib/app-server";

let auth: Record<string, string> = {};
/** Credentials every later `http` call sends (an API key's Authorization header). */
export function authenticateHttpAs(headers: Record<string, string>): void {
  auth = headers;
}

/** JSON request helper for a running server. */
export async function http(server: AppServer, method: string, path: string, body?: unknown) {
  const res = await fetch(`${server.url}${path}`, {
    method,
    headers: body === undefined ? auth : { ...auth, "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, headers: res.headers, body: text ? JSON.parse(text) : undefined };
}
