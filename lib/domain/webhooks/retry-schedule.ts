/**
 * Webhook retries: after failed attempt n (1-based) the next one waits base × 2^(n-1), ±20 % jitter
 * (so receivers that failed together are not all retried in the same second). With the default base
 * of one minute: 1, 2, 4, 8, 16 and 32 minutes, i.e. 7 attempts over about an hour, then "failed".
 */
export const WEBHOOK_MAX_ATTEMPTS = 7;

/** Milliseconds before the attempt after failed attempt `attempt`, or null when none is left. */
export function retryDelayMs(attempt: number, baseMs: number, random: () => number = Math.random): number | null {
  if (attempt >= WEBHOOK_MAX_ATTEMPTS) return null;
  const jitter = 0.8 + 0.4 * random();
  return Math.round(baseMs * 2 ** (attempt - 1) * jitter);
}
