/**
 * The API key the bench sends as `Authorization: Bearer …` to /api/resolve and /api/prompts.
 *
 * TODO(lead, after merging authentication): create a real key through the `apikey:create` service
 * (scopes "resolve" and "prompts:write": the invalidation measurement saves prompts) in the bench
 * database, which is already migrated and seeded when this runs (DATABASE_URL points at it), and
 * return its plaintext. Until then the branch has no authentication and every caller is `system`,
 * so this returns null and the bench sends no Authorization header.
 */
export async function createBenchApiKey(): Promise<string | null> {
  return null;
}

export function authHeaders(key: string | null): Record<string, string> {
  return key ? { authorization: `Bearer ${key}` } : {};
}
