import "server-only";
import { AppError } from "@/lib/domain/errors";
import { narrowScope } from "@/lib/domain/schemas/account";
import { cachedApiKey } from "../cache/prompt-cache";
import { db } from "../db/client";
import * as keys from "../repositories/api-key-repository";
import type { Actor } from "./actor";
import { hashApiKey } from "./api-key-hash";

// Per-instance memory of the last recorded use, so a busy key costs one UPDATE a minute, not one per request.
const lastTouched = new Map<string, number>();

/** Turns a bearer token into an actor; unknown, revoked and expired keys are 401 with a clear reason. */
export async function authenticateApiKey(token: string): Promise<Actor> {
  const keyHash = hashApiKey(token);
  const row = await cachedApiKey(keyHash, () => keys.findKeyByHash(db(), keyHash));
  const now = new Date();
  if (!row) throw new AppError("unauthenticated", "Unknown API key");
  if (row.revokedAt) throw new AppError("unauthenticated", "This API key was revoked");
  if (row.expiresAt && row.expiresAt <= now) throw new AppError("unauthenticated", "This API key has expired");
  if ((lastTouched.get(row.id) ?? 0) < now.getTime() - 60_000) {
    lastTouched.set(row.id, now.getTime());
    // Not awaited: the hot path must not wait for bookkeeping (nor for a database that is down while
    // a cached key serves stale prompts); a failed write is simply retried on a later request.
    void keys.touchLastUsed(db(), row.id, now).catch(() => lastTouched.delete(row.id));
  }
  return { kind: "api_key", id: row.id, name: row.name, scopes: row.scopes.map(narrowScope) };
}
