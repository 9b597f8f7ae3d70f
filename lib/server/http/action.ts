import "server-only";
import { AppError, isAppError, type ActionResult } from "@/lib/domain/errors";
import type { Caller } from "../auth/actor";
import { currentCaller } from "../auth/session";
import { mapDbError } from "../db/errors";

export type { ActionResult } from "@/lib/domain/errors";

/**
 * The one wrapper for server actions: resolves the session's caller (role re-read from the database),
 * runs the service, and turns errors into the same `{error:{code,message,details}}` shape as the API.
 * Next already refuses server-action POSTs from foreign origins.
 */
export function serverAction<A extends unknown[], T>(fn: (caller: Caller, ...args: A) => Promise<T>) {
  return async (...args: A): Promise<ActionResult<T>> => {
    let requestId = "action";
    try {
      const caller = await currentCaller();
      requestId = caller.requestId;
      return { ok: true, data: await fn(caller, ...args) };
    } catch (thrown) {
      const error = mapDbError(thrown);
      if (isAppError(error)) return { ok: false, ...error.toJSON() };
      console.error(`[${requestId}]`, error);
      return { ok: false, ...new AppError("internal", "Something went wrong; nothing was saved").toJSON() };
    }
  };
}
