import "server-only";
import type { ClaimedDelivery } from "../repositories/webhook-repository";
import { SIGNATURE_HEADER, signWebhook, TIMESTAMP_HEADER } from "./signature";

export interface SendResult {
  startedAt: Date;
  durationMs: number;
  statusCode: number | null;
  error: string | null;
  ok: boolean;
}

/** The JSON body receivers get: the change event as GET /api/events would describe it. */
export function deliveryBody(d: ClaimedDelivery): string {
  return JSON.stringify({
    id: d.eventId.toString(),
    type: d.eventType,
    data: d.eventData,
    createdAt: d.eventCreatedAt.toISOString(),
  });
}

/**
 * One attempt: a signed POST, answered 2xx within `timeoutMs` or failed. Redirects are not followed
 * (a 3xx is a failure the log shows): the signed body goes only to the URL an admin registered.
 */
export async function sendDelivery(d: ClaimedDelivery, timeoutMs: number): Promise<SendResult> {
  const body = deliveryBody(d);
  const timestamp = Math.floor(Date.now() / 1000);
  const startedAt = new Date();
  const started = performance.now();
  const took = () => Math.round(performance.now() - started);
  try {
    const res = await fetch(d.url, {
      method: "POST",
      redirect: "manual",
      signal: AbortSignal.timeout(timeoutMs),
      headers: {
        "content-type": "application/json",
        "user-agent": "prompt-manager-webhooks",
        [TIMESTAMP_HEADER]: String(timestamp),
        [SIGNATURE_HEADER]: signWebhook(d.secret, timestamp, body),
        "x-prompt-manager-event": d.eventType,
        "x-prompt-manager-delivery": d.id.toString(),
      },
      body,
    });
    // The answer's body is not needed; reading it (bounded by the timeout) frees the connection.
    await res.arrayBuffer().catch(() => undefined);
    const ok = res.status >= 200 && res.status < 300;
    return { startedAt, durationMs: took(), statusCode: res.status, error: ok ? null : `HTTP ${res.status}`, ok };
  } catch (error) {
    return { startedAt, durationMs: took(), statusCode: null, error: describe(error, timeoutMs), ok: false };
  }
}

function describe(error: unknown, timeoutMs: number): string {
  if (error instanceof DOMException && error.name === "TimeoutError") return `No answer within ${timeoutMs} ms`;
  const cause = (error as { cause?: { code?: unknown; message?: unknown } })?.cause;
  if (cause && typeof cause.code === "string")
    return `${cause.code}${cause.message ? `: ${String(cause.message)}` : ""}`;
  return error instanceof Error ? error.message : String(error);
}
