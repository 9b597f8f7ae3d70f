/** Any hex UUID: ids come from other systems too, so the RFC version digit is not checked. */
export const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Services check ids with this before a lookup: PostgreSQL rejects a malformed uuid with an error,
 * and a malformed id is simply "not found".
 */
export function isUuid(value: string): boolean {
  return UUID_PATTERN.test(value);
}
