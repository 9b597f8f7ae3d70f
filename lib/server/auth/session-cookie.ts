import "server-only";
import { decode } from "next-auth/jwt";
import type { SessionClaims } from "./session-actor";
import { authSecret } from "./secret";

const COOKIE_NAMES = ["__Secure-next-auth.session-token", "next-auth.session-token"];

function cookies(header: string | null): Map<string, string> {
  const map = new Map<string, string>();
  for (const part of (header ?? "").split(";")) {
    const eq = part.indexOf("=");
    if (eq > 0) map.set(part.slice(0, eq).trim(), decodeURIComponent(part.slice(eq + 1).trim()));
  }
  return map;
}

/**
 * Reads next-auth's session JWT straight from the Cookie header, so route handlers authenticate
 * from the Request alone (no request-scoped globals; testable by calling the handler).
 */
export async function sessionFromCookie(headers: Headers): Promise<SessionClaims | null> {
  const jar = cookies(headers.get("cookie"));
  for (const name of COOKIE_NAMES) {
    // Large sessions are chunked as name.0, name.1, …; ours are small but join them anyway.
    let token = jar.get(name);
    if (!token && jar.has(`${name}.0`)) {
      token = [...jar.entries()]
        .filter(([k]) => k.startsWith(`${name}.`))
        .sort(([a], [b]) => Number(a.split(".").pop()) - Number(b.split(".").pop()))
        .map(([, v]) => v)
        .join("");
    }
    if (!token) continue;
    const jwt = await decode({ token, secret: authSecret() }).catch(() => null);
    if (jwt?.uid) return { uid: jwt.uid, sessionVersion: jwt.sv };
  }
  return null;
}
