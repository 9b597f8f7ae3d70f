import "server-only";

/**
 * The caller's address for the login limiter. Next's route handlers do not expose the socket address,
 * so behind a proxy we take the first X-Forwarded-For hop; direct local traffic shares "local".
 */
export function clientIp(headers: Headers): string {
  const forwarded = headers.get("x-forwarded-for")?.split(",")[0]?.trim();
  return (forwarded || headers.get("x-real-ip") || "local").slice(0, 64);
}
