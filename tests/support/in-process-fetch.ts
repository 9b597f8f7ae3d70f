import * as catalog from "@/app/api/catalog/route";
import * as events from "@/app/api/events/route";
import * as exportRoute from "@/app/api/export/route";
import * as health from "@/app/api/health/route";
import * as importRoute from "@/app/api/import/route";
import * as rollback from "@/app/api/phases/[phase]/rollback/route";
import * as prompt from "@/app/api/prompts/[id]/route";
import * as prompts from "@/app/api/prompts/route";
import * as promptChecks from "@/app/api/prompts/[id]/checks/route";
import * as releases from "@/app/api/releases/route";
import * as release from "@/app/api/releases/[id]/route";
import * as releaseRelease from "@/app/api/releases/[id]/release/route";
import * as resolve from "@/app/api/resolve/route";

type Handler = (req: Request, segment: { params: Promise<any> }) => Promise<Response>;
const ROUTES: [RegExp, string[], Record<string, unknown>][] = [
  [/^\/api\/resolve$/, [], resolve],
  [/^\/api\/prompts$/, [], prompts],
  [/^\/api\/prompts\/([^/]+)$/, ["id"], prompt],
  [/^\/api\/prompts\/([^/]+)\/checks$/, ["id"], promptChecks],
  [/^\/api\/releases$/, [], releases],
  [/^\/api\/releases\/([^/]+)$/, ["id"], release],
  [/^\/api\/releases\/([^/]+)\/release$/, ["id"], releaseRelease],
  [/^\/api\/phases\/([^/]+)\/rollback$/, ["phase"], rollback],
  [/^\/api\/catalog$/, [], catalog],
  [/^\/api\/health$/, [], health],
  [/^\/api\/export$/, [], exportRoute],
  [/^\/api\/import$/, [], importRoute],
  [/^\/api\/events$/, [], events],
];

/**
 * A fetch that hands each request to the app's real route handlers in this process, the way Next's
 * router would (path segments as params), so the typed client runs against the real server code
 * and database without a build.
 */
export const inProcessFetch: typeof fetch = async (input, init) => {
  const req = new Request(input, init);
  const { pathname } = new URL(req.url);
  for (const [pattern, names, mod] of ROUTES) {
    const match = pattern.exec(pathname);
    if (!match) continue;
    const handler = mod[req.method] as Handler | undefined;
    if (!handler) return new Response(null, { status: 405 });
    const params = Object.fromEntries(names.map((name, i) => [name, decodeURIComponent(match[i + 1]!)]));
    return handler(req, { params: Promise.resolve(params) });
  }
  return new Response(null, { status: 404 });
};
