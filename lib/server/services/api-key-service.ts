import "server-only";
import { userIdOf } from "@/lib/domain/auth/actor";
import type { ApiKeyResponse } from "@/lib/domain/schemas/account-responses";
import { randomBytes } from "node:crypto";
import { AppError } from "@/lib/domain/errors";
import { createApiKeySchema, narrowScope } from "@/lib/domain/schemas/account";
import type { Caller } from "../auth/actor";
import { hashApiKey } from "../auth/api-key-hash";
import { authorize } from "../auth/authorize";
import { db } from "../db/client";
import { inTransaction } from "../db/errors";
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
    scopes: k.scopes.map(narrowScope),
    expiresAt: iso(k.expiresAt),
    revokedAt: iso(k.revokedAt),
    lastUsedAt: iso(k.lastUsedAt),
    createdAt: k.createdAt.toISOString(),
    status,
  };
}

/** Creates a key; the secret is returned once and only its SHA-256 and a short prefix are stored. */
export async function createApiKey(caller: Caller, input: unknown): Promise<{ key: string; apiKey: ApiKeyResponse }> {
  authorize(caller, "admin");
  const data = parseInput(createApiKeySchema, input);
  const key = `pm_${randomBytes(32).toString("base64url")}`;
  const row = await inTransaction(async (tx) => {
    const created = await keys.insertKey(tx, {
      name: data.name,
      prefix: key.slice(0, 11),
      keyHash: hashApiKey(key),
      scopes: data.scopes,
      expiresAt: data.expiresAt ? new Date(data.expiresAt) : null,
      createdBy: userIdOf(caller),
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
  return { items: (await keys.listKeys(db())).map((k) => toApiKeyResponse(k, now)) };
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
