import "server-only";
import { userIdOf } from "@/lib/domain/auth/actor";
import { randomBytes } from "node:crypto";
import { AppError } from "@/lib/domain/errors";
import { isUuid } from "@/lib/domain/ids";
import { createWebhookSchema, type WebhookEventType } from "@/lib/domain/schemas/webhook";
import type { WebhookAttemptDto, WebhookDeliveryDto, WebhookDto } from "@/lib/domain/schemas/webhook-responses";
import type { Caller } from "../auth/actor";
import { authorize } from "../auth/authorize";
import { db } from "../db/client";
import { inTransaction } from "../db/errors";
import * as hooks from "../repositories/webhook-repository";
import type { WebhookDeliveryRow, WebhookRow } from "../repositories/webhook-repository";
import { recordAudit } from "./audit";
import { parseInput } from "./parse-input";

// The answers' shapes are the documented schemas' (lib/domain/schemas/webhook-responses.ts).
export type { WebhookAttemptDto, WebhookDeliveryDto, WebhookDto };

const DELIVERY_LOG_LIMIT = 50;

function toDto(w: WebhookRow): WebhookDto {
  return { id: w.id, url: w.url, events: w.events as WebhookEventType[], createdAt: w.createdAt.toISOString() };
}

function toDeliveryDto(d: WebhookDeliveryRow): WebhookDeliveryDto {
  return {
    id: d.id.toString(),
    eventId: d.eventId.toString(),
    eventType: d.eventType,
    status: d.status as WebhookDeliveryDto["status"],
    attempts: d.attempts,
    nextAttemptAt: d.status === "pending" ? d.nextAttemptAt.toISOString() : null,
    deliveredAt: d.deliveredAt?.toISOString() ?? null,
    createdAt: d.createdAt.toISOString(),
    log: d.attemptLog.map((a) => ({
      attempt: a.attempt,
      startedAt: a.startedAt.toISOString(),
      durationMs: a.durationMs,
      statusCode: a.statusCode,
      error: a.error,
    })),
  };
}

/**
 * Registers a webhook. Without a secret one is generated; either way it is answered this once and
 * never again (it signs every delivery, so it is stored, but no read shows it).
 */
export async function createWebhook(caller: Caller, input: unknown): Promise<{ webhook: WebhookDto; secret: string }> {
  authorize(caller, "admin");
  const data = parseInput(createWebhookSchema, input);
  const secret = data.secret ?? `whsec_${randomBytes(32).toString("base64url")}`;
  const row = await inTransaction(async (tx) => {
    const created = await hooks.insertWebhook(tx, {
      url: data.url,
      events: data.events,
      secret,
      createdBy: userIdOf(caller),
    });
    await recordAudit(tx, caller, {
      action: "webhook.create",
      targetType: "webhook",
      targetId: created.id,
      after: { url: created.url, events: created.events, secretGiven: data.secret !== null },
    });
    return created;
  });
  return { webhook: toDto(row), secret };
}

export async function listWebhooks(caller: Caller): Promise<{ items: WebhookDto[] }> {
  authorize(caller, "admin");
  return { items: (await hooks.listWebhooks(db())).map(toDto) };
}

/** Deletes a webhook, its pending deliveries and its log. */
export async function deleteWebhook(caller: Caller, id: string): Promise<{ deleted: true; id: string }> {
  authorize(caller, "admin");
  return inTransaction(async (tx) => {
    const before = isUuid(id) ? await hooks.findWebhook(tx, id) : null;
    if (!before || !(await hooks.deleteWebhook(tx, id))) throw new AppError("not_found", `No webhook with id ${id}`);
    await recordAudit(tx, caller, {
      action: "webhook.delete",
      targetType: "webhook",
      targetId: id,
      before: { url: before.url, events: before.events },
    });
    return { deleted: true as const, id };
  });
}

/** The delivery log: the newest 50 deliveries of one webhook, each with every attempt. */
export async function listWebhookDeliveries(caller: Caller, id: string): Promise<{ items: WebhookDeliveryDto[] }> {
  authorize(caller, "admin");
  const hook = isUuid(id) ? await hooks.findWebhook(db(), id) : null;
  if (!hook) throw new AppError("not_found", `No webhook with id ${id}`);
  const rows = await hooks.listDeliveries(db(), id, DELIVERY_LOG_LIMIT);
  return { items: rows.map(toDeliveryDto) };
}
