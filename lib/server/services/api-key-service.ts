import "server-only";
import type { ApiKeyResponse } from "@/lib/domain/schemas/account-responses";
import { createHash, randomBytes } from "node:crypto";
import { AppError } from "@/lib/domain/errors";
import { createApiKeySchema } from "@/lib/domain/schemas/account";
import type { Actor, Caller, Scope } from "../auth/actor";
import { authorize } from "../auth/authorize";
import { cachedApiKey } from "../cache/prompt-cache";
import { db } from "../db/client";
import { inTransaction, withDbErrors } from "../db/errors";
import * as keys from "../repositories/api-key-repository";
import type { ApiKeyRow } from "../repositories/api-key-repository";
import { recordAudit } from "./audit";
import { parseInput } from "./parse-input";
import { isUuid } from "@/lib/domain/ids";

const iso = (d: Date | null) => d?.toISOString() ?? null;
export function toApiKeyResponse(k: ApiKeyRow, now = new Date()): ApiKeyResponse {
  const status = k.revokedAt ? "revoked" : k.expiresAt && k.expiresAt <= now ? "expired" : "active";
  return {
    id: k.id,
    name: k.name,
    prefix: k.prefix,
    scopes: k.scopes as Scope[],
    expiresAt: iso(k.expiresAt),
    revokedAt: iso(k.revokedAt),
    lastUsedAt: iso(k.lastUsedAt),
    createdAt: k.createdAt.toISOString(),
    status,
  };
}

const hashKey = (key: string) => createHash("sha256").update(key).digest("hex");

/** Creates a key; the secret is returned once and only its SHA-256 and a short prefix are stored. */
export async function createApiKey(caller: Caller, input: unknown): Promise<{ key: string; apiKey: ApiKeyResponse }> {
  authorize(caller, "admin");
  const data = parseInput(createApiKeySchema, input);
  const key = `pm_${randomBytes(32).toString("base64url")}`;
  const row = await inTransaction(async (tx) => {
    const created = await keys.insertKey(tx, {
      name: data.name,
      prefix: key.slice(0, 11),
      keyHash: hashKey(key),
      scopes: data.scopes,
      expiresAt: data.expiresAt ? new Date(data.expiresAt) : null,
      createdBy: caller.actor.kind === "user" ? caller.actor.id : null,
    });
    await recordAudit(tx, caller, {
      action: "api_key.create",
      targetType: "api_key",
      targetId: created.id,
      after: { name: created.name, prefix: created.prefix, scopes: created.scopes, expiresAt: iso(created.expiresAt) },
    });
    return created;
  });
  return { key, apiKey: toApiKeyResponse(row) };
}

export async function listApiKeys(caller: Caller): Promise<{ items: ApiKeyResponse[] }> {
  authorize(caller, "admin");
  const now = new Date();
  return { items: (await withDbErrors(() => keys.listKeys(db()))).map((k) => toApiKeyResponse(k, now)) };
}

export async function revokeApiKey(caller: Caller, id: string): Promise<ApiKeyResponse> {
  authorize(caller, "admin");
  return inTransaction(async (tx) => {
    const before = isUuid(id) ? await keys.findKeyByIdForUpdate(tx, id) : null;
    if (!before) throw new AppError("not_found", `No API key with id ${id}`);
    if (before.revokedAt) return toApiKeyResponse(before);
    const after = await keys.revokeKey(tx, id, new Date());
    await recordAudit(tx, caller, {
      action: "api_key.revoke",
      targetType: "api_key",
      targetId: id,
      before: { revokedAt: null },
      after: { revokedAt: iso(after.revokedAt) },
    });
    return toApiKeyResponse(after);
  });
}

// Per-instance memory of the last recorded use, so a busy key costs one UPDATE a minute, not one per request.
const lastTouched = new Map<string, number>();

/** Turns a bearer token into an actor; unknown, revoked and expired keys are 401 with a clear reason. */
export async function authenticateApiKey(token: string): Promise<Actor> {
  const keyHash = hashKey(token);
  const row = await cachedApiKey(keyHash, () => withDbErrors(() => keys.findKeyByHash(db(), keyHash)));
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
  return { kind: "api_key", id: row.id, name: row.name, scopes: row.scopes as Scope[] };
}
