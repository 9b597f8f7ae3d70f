import "server-only";
import { serverEnv } from "@/lib/runtime/env";

export interface WebhookConfig {
  retryBaseMs: number;
  timeoutMs: number;
  pollMs: number;
}

export function webhookConfig(): WebhookConfig {
  const env = serverEnv();
  return {
    retryBaseMs: env.PM_WEBHOOK_RETRY_BASE_MS,
    timeoutMs: env.PM_WEBHOOK_TIMEOUT_MS,
    pollMs: env.PM_WEBHOOK_POLL_MS,
  };
}
