import "server-only";
import { AppError } from "@/lib/domain/errors";
import { authenticateApiKey } from "./api-key-auth";
import { actorForSession } from "./session-actor";
import type { Actor } from "./actor";
import { sessionFromCookie } from "./session-cookie";

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/** Bearer API key first, then the session cookie; neither → anonymous (services answer 401). */
export async function authenticateRequest(req: Request): Promise<Actor> {
  const authorization = req.headers.get("authorization");
  if (authorization) {
    const token = /^Bearer\s+(pm_[A-Za-z0-9_-]+)$/i.exec(authorization.trim())?.[1];
    if (!token) throw new AppError("unauthenticated", 'Authorization must be "Bearer pm_…" with an API key');
    return authenticateApiKey(token);
  }
  const session = await sessionFromCookie(req.headers);
  if (!session) return { kind: "anonymous" };
  if (!SAFE_METHODS.has(req.method)) assertSameOrigin(req);
  return actorForSession(session);
}

/**
 * Cookies ride along on cross-site requests; a state change authenticated by cookie must come from our
 * own pages. API keys are not sent automatically by browsers, so they need no such check.
 */
function assertSameOrigin(req: Request): void {
  const site = req.headers.get("sec-fetch-site");
  if (site && site !== "same-origin" && site !== "none") {
    throw new AppError("forbidden", "Cross-site request refused", { secFetchSite: site });
  }
  const origin = req.headers.get("origin");
  if (origin) {
    const host = req.headers.get("x-forwarded-host") ?? req.headers.get("host") ?? new URL(req.url).host;
    let originHost: string;
    try {
      originHost = new URL(origin).host;
    } catch {
      originHost = "";
    }
    if (originHost !== host) throw new AppError("forbidden", "Cross-site request refused", { origin });
  }
}
