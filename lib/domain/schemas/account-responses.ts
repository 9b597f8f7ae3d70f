import { z } from "zod";
import { narrowTo } from "../catalog/narrow";
import { ROLE_VALUES, SCOPE_VALUES } from "./account";

// The documented shapes of the admin API's answers (the OpenAPI document is generated from these).
const iso = z.string().describe("ISO 8601 time");

export const userSchema = z.object({
  id: z.uuid(),
  email: z.string(),
  name: z.string().nullable(),
  role: z.enum(ROLE_VALUES),
  disabled: z.boolean(),
  createdAt: iso,
  updatedAt: iso,
});
export type UserResponse = z.output<typeof userSchema>;
export const userListSchema = z.object({ items: z.array(userSchema) });

export const apiKeySchema = z.object({
  id: z.uuid(),
  name: z.string(),
  prefix: z.string().describe("The key's first 11 characters, to recognise it"),
  scopes: z.array(z.enum(SCOPE_VALUES)),
  expiresAt: iso.nullable(),
  revokedAt: iso.nullable(),
  lastUsedAt: iso.nullable(),
  createdAt: iso,
  status: z.enum(["active", "revoked", "expired"]),
});
export type ApiKeyResponse = z.output<typeof apiKeySchema>;
export const apiKeyListSchema = z.object({ items: z.array(apiKeySchema) });
export const createdApiKeySchema = z.object({
  key: z.string().regex(/^pm_/).describe("The secret, shown only in this answer; only its SHA-256 is stored"),
  apiKey: apiKeySchema,
});

export const ACTOR_TYPES = ["user", "api_key", "system", "anonymous"] as const;
export const narrowActorType = narrowTo("actor type", (v): v is (typeof ACTOR_TYPES)[number] =>
  (ACTOR_TYPES as readonly string[]).includes(v),
);

export const auditEventSchema = z.object({
  id: z.string().describe("Ascending event id (a decimal string; 64-bit)"),
  actorType: z.enum(ACTOR_TYPES),
  actorId: z.string().nullable(),
  actorLabel: z.string().nullable(),
  action: z.string(),
  targetType: z.string(),
  targetId: z.string().nullable(),
  before: z.unknown(),
  after: z.unknown(),
  requestId: z.string().nullable(),
  createdAt: iso,
});
export type AuditEventResponse = z.output<typeof auditEventSchema>;
export const auditPageSchema = z.object({
  items: z.array(auditEventSchema),
  nextCursor: z.string().nullable().describe("Pass as `before` for the next (older) page"),
});

/** The admin Audit page: events with where each one points in the app, and what the filters offer. */
export interface AuditPageView {
  items: (AuditEventResponse & { link: string | null })[];
  nextCursor: string | null;
  actions: string[];
  actors: { id: string; label: string }[];
}
