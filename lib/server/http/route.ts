import "server-only";
import { randomUUID } from "node:crypto";
import { AppError, isAppError } from "@/lib/domain/errors";
import type { Actor, Caller } from "../auth/actor";

export interface RouteContext<P> {
  req: Request;
  params: P;
  caller: Caller;
}

type Handler<P> = (ctx: RouteContext<P>) => Promise<Response | object>;

export interface RouteOptions {
  /** Who may call it. Authentication is added here, in one place, for every route. */
  access: "public" | "read" | "write" | "resolve";
}

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
      const result = await handler({ req, params, caller: { actor, requestId } });
      const response = result instanceof Response ? result : json(result);
      response.headers.set("x-request-id", requestId);
      return response;
    } catch (error) {
      return errorResponse(error, requestId);
    }
  };
}

// TEMPORARY (replaced by session/API-key authentication in the accounts work of this same change).
async function authenticate(_req: Request, _options: RouteOptions): Promise<Actor> {
  return { kind: "system", name: "pre-auth" };
}

export function json(data: unknown, status = 200, headers?: HeadersInit): Response {
  return Response.json(data, { status, headers });
}

export function errorResponse(error: unknown, requestId: string): Response {
  const appError = isAppError(error) ? error : new AppError("internal", "Internal error");
  if (!isAppError(error)) console.error(`[${requestId}]`, error);
  return json(appError.toJSON(), appError.status, { "x-request-id": requestId });
}

/** Reads a JSON body; malformed JSON is a 400, never a 500. */
export async function readJson(req: Request): Promise<unknown> {
  const text = await req.text();
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
