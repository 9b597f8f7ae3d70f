import { z } from "zod";
import { ACTION_TYPE_VALUES, CONTEXT_KEY_VALUES, PHASE_VALUES, PROMPT_TYPE_VALUES } from "../catalog";
import { ERROR_STATUS, type ErrorCode } from "../errors";

/**
 * What the API answers, as zod schemas: the OpenAPI document's response schemas and the typed
 * client's result types come from here. A test checks the services' types against them and that
 * real responses validate against the generated document.
 */

const uuid = z.guid();
const timestamp = z.iso.datetime();
const phase = z.enum(PHASE_VALUES);
const promptType = z.enum(PROMPT_TYPE_VALUES);
const contextKeys = z.array(z.enum(CONTEXT_KEY_VALUES));
const actions = z.array(z.enum(ACTION_TYPE_VALUES));

export const promptSchema = z.object({
  id: uuid,
  coachingPhase: phase.nullable(),
  version: z.number().int().min(1),
  name: z.string().nullable(),
  description: z.string().nullable(),
  body: z.string(),
  requiredContextKeys: contextKeys,
  allowedActions: actions,
  promptType,
  isActive: z.boolean(),
  /** What changed and why (immutable; null for versions saved without one). */
  changeNote: z.string().nullable(),
  createdAt: timestamp,
  updatedAt: timestamp,
});
export type PromptResponse = z.output<typeof promptSchema>;

/** What a key with `prompts:write` but not `prompts:read` gets back from the write routes: no body. */
export const promptReceiptSchema = promptSchema.pick({ id: true, coachingPhase: true, version: true, isActive: true });
export type PromptReceipt = z.output<typeof promptReceiptSchema>;
/** A written version: the full version, or the receipt for a write-only key. */
export const writtenPromptSchema = z.union([promptSchema, promptReceiptSchema]);

export const promptPageSchema = z.object({ items: z.array(promptSchema), nextCursor: uuid.nullable() });
export type PromptPage = z.output<typeof promptPageSchema>;

export const SECTION_KINDS = ["system_context", "user_notes", "body", "actions", "recent_messages"] as const;

export const resolveResponseSchema = z.object({
  prompt: z.object({
    id: uuid,
    phase: phase.nullable(),
    version: z.number().int().min(1),
    name: z.string().nullable(),
    promptType,
  }),
  /** The sections joined by a blank line: what to send to the model. */
  text: z.string(),
  sections: z.array(z.object({ kind: z.enum(SECTION_KINDS), text: z.string() })),
  allowedActions: actions,
  requiredContextKeys: contextKeys,
  /** JSON Schema of the model's answer: a `message` plus one optional property per allowed action. */
  responseFormat: z.record(z.string(), z.unknown()),
});
export type ResolveResponse = z.output<typeof resolveResponseSchema>;

const entry = { value: z.string(), label: z.string(), description: z.string() };
export const catalogResponseSchema = z.object({
  phases: z.array(z.object({ ...entry, value: phase, name: z.string() })),
  contextKeys: z.array(z.object({ ...entry, value: z.enum(CONTEXT_KEY_VALUES) })),
  actionTypes: z.array(
    z.object({ ...entry, value: z.enum(ACTION_TYPE_VALUES), paramsSchema: z.record(z.string(), z.unknown()) }),
  ),
  promptTypes: z.array(z.object({ ...entry, value: promptType })),
});
export type CatalogResponse = z.output<typeof catalogResponseSchema>;

const listenerStateSchema = z
  .enum(["up", "starting", "down", "off"])
  .describe(
    "The prompt cache's LISTEN connection; `starting`: first connection under way; `down`: every resolve reads the database; `off`: PM_CACHE=off",
  );
export const healthResponseSchema = z.object({
  status: z.enum(["ok", "degraded"]),
  db: z.enum(["up", "down"]),
  listener: listenerStateSchema,
  deafResolves: z.number().int().min(0).describe("Resolves served while the listener was down, since the start"),
  draining: z.boolean().describe("SIGTERM received: still answering, no longer ready"),
});
export type HealthResponse = z.output<typeof healthResponseSchema>;
export const readinessResponseSchema = z.object({
  ready: z.boolean(),
  checks: z.object({
    draining: z.boolean(),
    migrations: z.enum(["applied", "pending", "unknown"]),
    listener: listenerStateSchema,
    warmUp: z.enum(["done", "pending"]),
  }),
});
export type ReadinessResponse = z.output<typeof readinessResponseSchema>;

export const rollbackResponseSchema = z.object({
  phase,
  servingVersion: z.number().int().min(1),
  activated: z.boolean(),
  /** Full versions, or receipts for a write-only key. */
  deactivated: z.array(writtenPromptSchema),
  /** An admin's emergency rollback: served at once whatever the release policy. */
  emergency: z.boolean(),
});
export type RollbackResponse = z.output<typeof rollbackResponseSchema>;

export const ERROR_CODES = Object.keys(ERROR_STATUS) as [ErrorCode, ...ErrorCode[]];
export const errorResponseSchema = z.object({
  error: z.object({ code: z.enum(ERROR_CODES), message: z.string(), details: z.unknown() }),
});
export type ErrorResponse = z.output<typeof errorResponseSchema>;
