import { describe, expect, it } from "vitest";
import { retryDelayMs, WEBHOOK_MAX_ATTEMPTS } from "./retry-schedule";

describe("webhook retry schedule", () => {
  it("doubles from the base: 1, 2, 4, 8, 16, 32 minutes without jitter, then gives up", () => {
    const mid = () => 0.5; // jitter factor exactly 1
    const delays = [1, 2, 3, 4, 5, 6].map((n) => retryDelayMs(n, 60_000, mid));
    expect(delays).toEqual([1, 2, 4, 8, 16, 32].map((m) => m * 60_000));
    expect(retryDelayMs(WEBHOOK_MAX_ATTEMPTS, 60_000, mid)).toBeNull();
    expect(WEBHOOK_MAX_ATTEMPTS).toBeGreaterThanOrEqual(7); // at least 6 retries after the first try
  });

  it("jitters within ±20 %", () => {
    expect(retryDelayMs(3, 1_000, () => 0)).toBe(3_200);
    expect(retryDelayMs(3, 1_000, () => 1)).toBe(4_800);
  });
});
