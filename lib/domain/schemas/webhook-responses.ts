import { z } from "zod";
import { WEBHOOK_EVENT_VALUES } from "./webhook";

// The documented shapes of the webhook API's answers (the OpenAPI document is generated from these).
const iso = z.string().describe("ISO 8601 time");

export const webhookSchema = z.object({
  id: z.uuid(),
  url: z.string(),
  events: z.array(z.enum(WEBHOOK_EVENT_VALUES)),
  createdAt: iso,
});
export const webhookListSchema = z.object({ items: z.array(webhookSchema) });
export const createdWebhookSchema = z.object({
  webhook: webhookSchema,
  secret: z.string().describe("Signs every delivery (HMAC-SHA256); shown only in this answer"),
});
export const deletedWebhookSchema = z.object({ deleted: z.literal(true), id: z.string() });

export const webhookAttemptSchema = z.object({
  attempt: z.number().int().describe("1 for the first try"),
  startedAt: iso,
  durationMs: z.number().int(),
  statusCode: z.number().int().nullable().describe("The receiver's HTTP status; null when none came (see error)"),
  error: z
    .string()
    .nullable()
    .describe("Why the attempt failed (non-2xx, timeout, connection error); null when it did not"),
});
export const webhookDeliverySchema = z.object({
  id: z.string().describe("Delivery id (decimal string), also sent as X-Prompt-Manager-Delivery"),
  eventId: z.string().describe("The change event's id, the payload's `id`"),
  eventType: z.string(),
  status: z.enum(["pending", "delivered", "failed"]),
  attempts: z.number().int(),
  nextAttemptAt: iso.nullable().describe("When the next attempt is due (pending deliveries only)"),
  deliveredAt: iso.nullable(),
  createdAt: iso,
  log: z.array(webhookAttemptSchema).describe("Every attempt, oldest first"),
});
export const webhookDeliveryListSchema = z.object({ items: z.array(webhookDeliverySchema) });

export type WebhookDto = z.output<typeof webhookSchema>;
export type WebhookAttemptDto = z.output<typeof webhookAttemptSchema>;
export type WebhookDeliveryDto = z.output<typeof webhookDeliverySchema>;
