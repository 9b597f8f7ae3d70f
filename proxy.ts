import { NextResponse, type NextRequest } from "next/server";
import { contentSecurityPolicy, SECURITY_HEADERS } from "@/lib/domain/security-headers";

const KNOWN_METHODS = new Set(["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"]);

function withSecurityHeaders(res: NextResponse, csp: string): NextResponse {
  res.headers.set("content-security-policy", csp);
  for (const [name, value] of Object.entries(SECURITY_HEADERS)) res.headers.set(name, value);
  return res;
}

function refuse(status: number, code: string, message: string): NextResponse {
  const res = NextResponse.json({ error: { code, message, details: null } }, { status });
  return withSecurityHeaders(res, contentSecurityPolicy({ api: true }));
}

function hostOf(value: string): string | null {
  try {
    return new URL(value).host;
  } catch {
    return null;
  }
}

/**
 * Next refuses a server-action POST from a foreign origin by throwing, which answers 500; refuse it
 * here first with the 403 it is (the same rule lib/server/auth/authenticate.ts applies to the API).
 */
function isCrossSiteAction(req: NextRequest): boolean {
  if (req.method !== "POST" || !req.headers.has("next-action")) return false;
  const site = req.headers.get("sec-fetch-site");
  if (site && site !== "same-origin" && site !== "none") return true;
  const origin = req.headers.get("origin");
  if (!origin) return false;
  return hostOf(origin) !== (req.headers.get("x-forwarded-host") ?? req.headers.get("host"));
}

/** Runs before every request: unknown methods answer 405, cross-site server actions 403, and every answer carries the security headers. */
export function proxy(req: NextRequest): NextResponse {
  if (!KNOWN_METHODS.has(req.method)) return refuse(405, "method_not_allowed", `Method ${req.method} is not allowed`);
  if (isCrossSiteAction(req)) return refuse(403, "forbidden", "Cross-site request refused");
  if (req.nextUrl.pathname.startsWith("/api/")) {
    return withSecurityHeaders(NextResponse.next(), contentSecurityPolicy({ api: true }));
  }
  // A fresh nonce per page: Next reads it from the request's CSP header and puts it on its own
  // scripts (every page renders per request for that, see app/layout.tsx); nothing else may run.
  const nonce = btoa(crypto.randomUUID());
  const csp = contentSecurityPolicy({ nonce, dev: process.env.NODE_ENV === "development" });
  const headers = new Headers(req.headers);
  headers.set("content-security-policy", csp);
  return withSecurityHeaders(NextResponse.next({ request: { headers } }), csp);
}

export const config = {
  // Static build output carries no nonce and needs none; everything else, API included, passes here.
  matcher: ["/((?!_next/static|_next/image).*)"],
};
