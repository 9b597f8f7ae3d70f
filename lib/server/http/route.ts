import "server-only";
import { randomUUID } from "node:crypto";
import { AppError, isAppError } from "@/lib/domain/errors";
import type { Actor, Caller } from "../auth/actor";
import { authenticateRequest } from "../auth/authenticate";
import { authenticated, authorize, type Permission } from "../auth/authorize";
import { mapDbError } from "../db/errors";
import { DEFAULT_MAX_BODY_BYTES, readBodyText } from "./body";

export interface RouteContext<P> {
  req: Request;
  params: P;
  caller: Caller;
}

type Handler<P> = (ctx: RouteContext<P>) => Promise<Response | object>;

export interface RouteOptions {
  /**
   * "public" routes skip authentication; every other route authenticates here, in one place, and is
   * refused (403) here when the caller lacks the level's permission, before any body is read. Services
   * still authorize what is finer (who may approve, who may withdraw); "authenticated" is any caller.
   */
  access: "public" | "authenticated" | "read" | "write" | "resolve" | "admin";
  /** Largest body `readJson` accepts on this route (default 1 MB); larger ones answer 413. */
  maxBodyBytes?: number;
}

const ACCESS_PERMISSION: Record<RouteOptions["access"], Permission | null> = {
  public: null,
  authenticated: null,
  read: "prompts:read",
  write: "prompts:write",
  resolve: "resolve",
  admin: "admin",
};

// The cap of the route a request came through, for readJson (handlers keep calling readJson(req)).
const bodyLimits = new WeakMap<Request, number>();

/**
 * The one wrapper every route handler goes through: request id, actor, JSON answers and the error
 * model (`{error:{code,message,details}}`, status from the code). Unknown errors are logged and
 * answered as 500 `internal` without leaking their message.
 */
export function route<P = Record<string, never>>(options: RouteOptions, handler: Handler<P>) {
  return async (req: Request, segment?: { params?: Promise<P> }): Promise<Response> => {
    const requestId = req.headers.get("x-request-id")?.slice(0, 64) || randomUUID();
    try {
      const params = ((await segment?.params) ?? {}) as P;
      const actor = await authenticate(req, options);
      // Credentials are checked before any body is read: an anonymous caller cannot make us buffer.
      if (options.access !== "public") authenticated({ actor, requestId });
      const permission = ACCESS_PERMISSION[options.access];
      if (permission) authorize({ actor, requestId }, permission);
      bodyLimits.set(req, options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES);
      const result = await handler({ req, params, caller: { actor, requestId } });
      const response = result instanceof Response ? result : json(result);
      response.headers.set("x-request-id", requestId);
      return response;
    } catch (error) {
      return errorResponse(error, requestId);
    }
  };
}

// Public routes (health) skip authentication entirely: cheap and never a 401.
async function authenticate(req: Request, options: RouteOptions): Promise<Actor> {
  return options.access === "public" ? { kind: "anonymous" } : authenticateRequest(req);
}

export function json(data: unknown, status = 200, headers?: HeadersInit): Response {
  return Response.json(data, { status, headers });
}

export function errorResponse(thrown: unknown, requestId: string): Response {
  const error = mapDbError(thrown);
  const appError = isAppError(error) ? error : new AppError("internal", "Internal error");
  if (!isAppError(error)) console.error(`[${requestId}]`, error);
  return json(appError.toJSON(), appError.status, { "x-request-id": requestId });
}

/**
 * Reads a JSON body, at most the route's cap (413 `payload_too_large` past it, without buffering the
 * rest); malformed JSON is a 400, never a 500.
 */
export async function readJson(req: Request): Promise<unknown> {
  const text = await readBodyText(req, bodyLimits.get(req) ?? DEFAULT_MAX_BODY_BYTES);
  if (!text.trim()) return {};
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new AppError("invalid_request", "The request body is not valid JSON");
  }
}

export function searchParams(req: Request): Record<string, string> {
  return Object.fromEntries(new URL(req.url).searchParams);
}
