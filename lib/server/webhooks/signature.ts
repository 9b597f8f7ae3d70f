import "server-only";
import { createHmac } from "node:crypto";

export const SIGNATURE_HEADER = "x-prompt-manager-signature";
export const TIMESTAMP_HEADER = "x-prompt-manager-timestamp";

/**
 * `sha256=<hex HMAC-SHA256 over "<timestamp>.<body>">`. The timestamp is signed with the body so a
 * captured delivery cannot be replayed later with a fresh timestamp: receivers refuse timestamps
 * more than five minutes from their clock (README, "Webhooks").
 */
export function signWebhook(secret: string, timestamp: number, body: string): string {
  return `sha256=${createHmac("sha256", secret).update(`${timestamp}.${body}`).digest("hex")}`;
}
