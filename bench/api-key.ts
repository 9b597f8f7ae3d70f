/**
 * A real API key for the bench (scopes "resolve" and "prompts:write": the invalidation measurement
 * saves prompts), created through the same service as `npm run apikey:create` in the bench database
 * DATABASE_URL points at. Create it before that database is cloned, so every copy knows the key.
 */
export async function createBenchApiKey(): Promise<string> {
  const { createApiKey } = await import("@/lib/server/services/api-key-service");
  const { SYSTEM_CALLER } = await import("@/lib/server/auth/actor");
  const { key } = await createApiKey(SYSTEM_CALLER, { name: "bench", scopes: ["resolve", "prompts:write"] });
  return key;
}

export function authHeaders(key: string): Record<string, string> {
  return { authorization: `Bearer ${key}` };
}
