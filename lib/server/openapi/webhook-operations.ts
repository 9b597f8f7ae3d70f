import "server-only";
import { z } from "zod";
import { createWebhookSchema } from "@/lib/domain/schemas/webhook";
import {
  createdWebhookSchema,
  deletedWebhookSchema,
  webhookDeliveryListSchema,
  webhookListSchema,
} from "@/lib/domain/schemas/webhook-responses";
import type { ApiOperation } from "./operations";

const json = (schema: z.ZodType) => ({ "application/json": schema });
const id = { id: { description: "The webhook's id (UUID)", schema: z.string() } };

/** Signed webhooks: admin sessions only. Delivery format and signature: README, "Webhooks". */
export const WEBHOOK_OPERATIONS: ApiOperation[] = [
  {
    method: "get",
    path: "/api/webhooks",
    operationId: "listWebhooks",
    tag: "Webhooks",
    summary: "List registered webhooks (never their secrets)",
    errors: [503],
    responses: { 200: { description: "Every webhook", content: json(webhookListSchema) } },
  },
  {
    method: "post",
    path: "/api/webhooks",
    operationId: "createWebhook",
    tag: "Webhooks",
    summary: "Register an http(s) URL for change events; the secret is in this answer only",
    description:
      'Each change event of a subscribed type is POSTed as JSON `{id, type, data, createdAt}` with `X-Prompt-Manager-Timestamp` (Unix seconds) and `X-Prompt-Manager-Signature: sha256=<hex HMAC-SHA256 of "<timestamp>.<body>" with the secret>`; non-2xx answers and errors are retried with exponential backoff (7 attempts over about an hour). Without `secret`, one is generated.',
    body: createWebhookSchema,
    errors: [400, 503],
    responses: { 201: { description: "The webhook and its secret", content: json(createdWebhookSchema) } },
  },
  {
    method: "delete",
    path: "/api/webhooks/{id}",
    operationId: "deleteWebhook",
    tag: "Webhooks",
    summary: "Delete a webhook with its pending deliveries and its log",
    pathParams: id,
    errors: [404, 503],
    responses: { 200: { description: "Deleted", content: json(deletedWebhookSchema) } },
  },
  {
    method: "get",
    path: "/api/webhooks/{id}/deliveries",
    operationId: "listWebhookDeliveries",
    tag: "Webhooks",
    summary: "The delivery log: the newest 50 deliveries, each with every attempt",
    pathParams: id,
    errors: [404, 503],
    responses: { 200: { description: "Newest first", content: json(webhookDeliveryListSchema) } },
  },
];
