import NextAuth from "next-auth";
import { authOptions } from "@/lib/server/auth/options";

export type Jar = Map<string, string>;
export const cookieHeader = (jar: Jar) => [...jar].map(([k, v]) => `${k}=${v}`).join("; ");

/**
 * next-auth's Node (pages API) entry point with the app's options: the same core handling as the App
 * Router handler (which reads Next's request-scoped cookies, available only inside a running server),
 * so the real authorize, jwt callback and sign-out event run.
 */
export async function authRoute(
  method: "GET" | "POST",
  path: string[],
  jar: Jar,
  body?: Record<string, string>,
  requestHeaders: Record<string, string> = {},
) {
  const headers = new Map<string, unknown>();
  let answer: unknown;
  const res = {
    status: () => res,
    getHeader: (name: string) => headers.get(name.toLowerCase()),
    setHeader: (name: string, value: unknown) => (headers.set(name.toLowerCase(), value), res),
    json: (data: unknown) => void (answer = data),
    send: (data: unknown) => void (answer = data),
    end: () => undefined,
  };
  const req = {
    method,
    body,
    query: { nextauth: path },
    cookies: Object.fromEntries(jar),
    headers: { host: "localhost", ...requestHeaders },
  };
  await NextAuth(req as never, res as never, authOptions({ headers: new Headers(req.headers) }));
  const setCookies = (headers.get("set-cookie") as string[] | undefined) ?? [];
  for (const line of setCookies) {
    const [pair] = line.split(";");
    const eq = pair!.indexOf("=");
    const [name, value] = [pair!.slice(0, eq), decodeURIComponent(pair!.slice(eq + 1))];
    if (/max-age=0|expires=thu, 01 jan 1970/i.test(line) || value === "") jar.delete(name);
    else jar.set(name, value);
  }
  return { answer, setCookies };
}
export async function csrf(jar: Jar, requestHeaders: Record<string, string> = {}): Promise<string> {
  return ((await authRoute("GET", ["csrf"], jar, undefined, requestHeaders)).answer as { csrfToken: string }).csrfToken;
}
