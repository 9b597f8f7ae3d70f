import "server-only";

/**
 * The page of a keyset query that fetched `limit + 1` rows: the extra row only says another page
 * exists, and the last row kept is the cursor to continue after.
 */
export function keysetPage<T extends { id: string }>(
  rows: T[],
  limit: number,
): { items: T[]; nextCursor: string | null } {
  const more = rows.length > limit;
  const items = more ? rows.slice(0, limit) : rows;
  return { items, nextCursor: more ? (items.at(-1)?.id ?? null) : null };
}
