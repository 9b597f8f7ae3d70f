import { z } from "zod";
import { narrowTo } from "../catalog/narrow";
import { isSafeText, UNSAFE_TEXT_MESSAGE } from "./safe-input";

export const ROLE_VALUES = ["admin", "designer", "viewer"] as const;
export const SCOPE_VALUES = ["resolve", "prompts:read", "prompts:write"] as const;
export type Role = (typeof ROLE_VALUES)[number];
export type Scope = (typeof SCOPE_VALUES)[number];
/** Stored roles and scopes back to their types (the database's CHECK constraints keep them valid). */
export const narrowRole = narrowTo("role", (v): v is Role => (ROLE_VALUES as readonly string[]).includes(v));
export const narrowScope = narrowTo("scope", (v): v is Scope => (SCOPE_VALUES as readonly string[]).includes(v));

/**
 * One spelling per address: NFC (so a composed and a decomposed "é" are the same account) and
 * lower case. Applied on create and on sign-in, where the stored value is then matched exactly.
 */
export function normalizeEmail(email: string): string {
  return email.trim().normalize("NFC").toLowerCase();
}

// Deliberately loose (same rule as the database check): internal hosts like admin@localhost are valid.
export const emailSchema = z
  .string()
  .trim()
  .max(320)
  .regex(/^[^@\s]+@[^@\s]+$/, { message: "Enter a valid email address" })
  .refine(isSafeText, { message: UNSAFE_TEXT_MESSAGE })
  .transform(normalizeEmail);
// Length bounds only: long passphrases beat composition rules; 128 caps hashing cost per attempt.
export const passwordSchema = z
  .string()
  .min(12, { message: "Passwords need at least 12 characters" })
  .max(128, { message: "Passwords can have at most 128 characters" });

export const createUserSchema = z.strictObject({
  email: emailSchema,
  name: z
    .string()
    .trim()
    .max(255)
    .nullish()
    .transform((v) => v || null),
  password: passwordSchema,
  role: z.enum(ROLE_VALUES).default("viewer"),
});
export type CreateUserData = z.output<typeof createUserSchema>;

export const updateUserSchema = z
  .strictObject({
    name: z.string().trim().max(255).nullable(),
    role: z.enum(ROLE_VALUES),
    disabled: z.boolean(),
    password: passwordSchema,
  })
  .partial();
export type UpdateUserData = z.output<typeof updateUserSchema>;

export const createApiKeySchema = z.strictObject({
  name: z.string().trim().min(1, { message: "Name the key after the service that uses it" }).max(100),
  scopes: z
    .array(z.enum(SCOPE_VALUES))
    .min(1, { message: "Choose at least one scope" })
    .refine((s) => new Set(s).size === s.length, { message: "Scopes must not repeat" }),
  expiresAt: z.iso
    .datetime({ offset: true })
    .nullish()
    .refine((v) => !v || Date.parse(v) > Date.now(), { message: "The expiry must be in the future" }),
});
export type CreateApiKeyData = z.output<typeof createApiKeySchema>;

export const loginSchema = z.object({ email: emailSchema, password: z.string().min(1).max(128) });

export const auditQuerySchema = z.object({
  target: z.string().max(320).optional(),
  actor: z.string().max(64).optional(),
  action: z.string().max(64).optional(),
  /** Time window: events at or after `since` and before `until` (ISO date-times). */
  since: z.iso
    .datetime({ offset: true })
    .describe("Only events at or after this time (ISO 8601 date-time with offset, e.g. 2026-05-01T00:00:00Z)")
    .transform((v) => new Date(v))
    .optional(),
  until: z.iso
    .datetime({ offset: true })
    .describe("Only events before this time (ISO 8601 date-time with offset)")
    .transform((v) => new Date(v))
    .optional(),
  before: z
    .string()
    .regex(/^\d{1,19}$/, { message: "before is an audit event id" })
    .transform((v) => BigInt(v))
    // Audit ids are PostgreSQL bigints: anything larger is refused here, not by the database (500).
    .refine((v) => v <= 9_223_372_036_854_775_807n, { message: "before is an audit event id" })
    .optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
