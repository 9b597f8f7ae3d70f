import "server-only";
import type { Db, Tx } from "../db/client";
import type { Webhook, WebhookAttempt, WebhookDelivery } from "../db/generated/client";

export type WebhookRow = Webhook;
export type WebhookDeliveryRow = WebhookDelivery & { attemptLog: WebhookAttempt[] };
type Client = Db | Tx;

export function listWebhooks(client: Client): Promise<WebhookRow[]> {
  return client.webhook.findMany({ orderBy: { createdAt: "desc" } });
}

export function findWebhook(client: Client, id: string): Promise<WebhookRow | null> {
  return client.webhook.findUnique({ where: { id } });
}

export function insertWebhook(
  tx: Tx,
  data: { url: string; events: string[]; secret: string; createdBy: string | null },
): Promise<WebhookRow> {
  return tx.webhook.create({ data });
}

/** Deletes a webhook with its queue and log (ON DELETE CASCADE); false when there was none. */
export async function deleteWebhook(tx: Tx, id: string): Promise<boolean> {
  return (await tx.webhook.deleteMany({ where: { id } })).count > 0;
}

/** The newest deliveries of one webhook, each with every attempt (oldest first). */
export function listDeliveries(client: Client, webhookId: string, limit: number): Promise<WebhookDeliveryRow[]> {
  return client.webhookDelivery.findMany({
    where: { webhookId },
    orderBy: { id: "desc" },
    take: limit,
    include: { attemptLog: { orderBy: { id: "asc" } } },
  });
}

export interface ClaimedDelivery {
  id: bigint;
  webhookId: string;
  url: string;
  secret: string;
  eventId: bigint;
  eventType: string;
  eventData: unknown;
  eventCreatedAt: Date;
  /** This attempt's number (1 = first). */
  attempt: number;
}

/**
 * Claims up to `limit` due deliveries for one attempt each. SKIP LOCKED lets concurrent workers (other
 * instances) pass over rows another is claiming; the claim moves next_attempt_at a lease ahead, so
 * once committed nobody else sees them due until the lease ends (a worker that dies mid-send thus
 * leaves its deliveries to be retried, never lost).
 */
export function claimDue(client: Db, limit: number, leaseMs: number): Promise<ClaimedDelivery[]> {
  return client.$queryRaw<ClaimedDelivery[]>`
    UPDATE webhook_deliveries d
       SET attempts = d.attempts + 1,
           next_attempt_at = now() + make_interval(secs => ${leaseMs}::double precision / 1000)
      FROM webhooks w
     WHERE w.id = d.webhook_id
       AND d.id IN (SELECT id FROM webhook_deliveries
                     WHERE status = 'pending' AND next_attempt_at <= now()
                     ORDER BY next_attempt_at, id LIMIT ${limit}
                     FOR UPDATE SKIP LOCKED)
    RETURNING d.id, d.webhook_id AS "webhookId", w.url, w.secret, d.event_id AS "eventId",
              d.event_type AS "eventType", d.event_data AS "eventData",
              d.event_created_at AS "eventCreatedAt", d.attempts AS attempt`;
}

export interface AttemptOutcome {
  startedAt: Date;
  durationMs: number;
  statusCode: number | null;
  error: string | null;
  /** delivered, retry after `retryInMs`, or failed for good. */
  next: { kind: "delivered" } | { kind: "retry"; retryInMs: number } | { kind: "failed" };
}

/**
 * Logs one attempt and moves the delivery on. The state only changes while this attempt is still the
 * delivery's latest claim (a worker whose lease ran out must not overwrite a newer attempt's result);
 * the attempt is logged either way. A webhook deleted meanwhile leaves nothing to log.
 */
export async function recordAttempt(client: Db, delivery: ClaimedDelivery, outcome: AttemptOutcome): Promise<void> {
  const { next } = outcome;
  const status = next.kind === "retry" ? "pending" : next.kind;
  const retryMs = next.kind === "retry" ? next.retryInMs : 0;
  await client.$transaction([
    client.$executeRaw`
      INSERT INTO webhook_attempts (delivery_id, attempt, started_at, duration_ms, status_code, error)
      SELECT id, ${delivery.attempt}::int, ${outcome.startedAt}::timestamptz, ${outcome.durationMs}::int,
             ${outcome.statusCode}::int, ${outcome.error === null ? null : outcome.error.slice(0, 500)}::text
        FROM webhook_deliveries WHERE id = ${delivery.id}`,
    client.$executeRaw`
      UPDATE webhook_deliveries
         SET status = ${status}::text,
             delivered_at = CASE WHEN ${status}::text = 'delivered' THEN now() ELSE delivered_at END,
             next_attempt_at = now() + make_interval(secs => ${retryMs}::double precision / 1000)
       WHERE id = ${delivery.id} AND attempts = ${delivery.attempt}::int AND status = 'pending'`,
  ]);
}

/**
 * Milliseconds until the earliest pending delivery falls due (null: none pending), by the database's
 * clock (the one next_attempt_at was set by), so an idle worker sleeps exactly until then.
 */
export async function msUntilNextDue(client: Db): Promise<number | null> {
  const [row] = await client.$queryRaw<{ ms: number | null }[]>`
    SELECT greatest(0, extract(epoch FROM min(next_attempt_at) - now()) * 1000)::float8 AS ms
      FROM webhook_deliveries WHERE status = 'pending'`;
  return row?.ms ?? null;
}

/** Forgets finished deliveries (and their attempts) older than `days`: the log is for recent trouble. */
export async function pruneFinished(client: Db, days: number): Promise<number> {
  return client.$executeRaw`
    DELETE FROM webhook_deliveries
     WHERE status <> 'pending' AND created_at < now() - make_interval(days => ${days}::int)`;
}
