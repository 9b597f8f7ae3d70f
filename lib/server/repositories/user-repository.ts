import "server-only";
import type { Db, Tx } from "../db/client";
import type { User } from "../db/generated/client";

export type UserRow = User;
type Client = Db | Tx;

/**
 * Exact match on the normalised address (normalizeEmail): stored emails are normalised on create
 * and by migration 20261129192000_normalize_emails. Never a pattern match: `mode: "insensitive"`
 * was an unescaped ILIKE, so `%@example.com` signed in as whoever came first.
 */
export function findUserByEmail(client: Client, normalizedEmail: string): Promise<UserRow | null> {
  return client.user.findFirst({ where: { email: normalizedEmail } });
}

/**
 * Serialises sign-in attempts per account until the transaction ends, so that counting earlier
 * failures and checking the password are one step: concurrent guesses cannot all pass the count.
 */
export async function lockAccountForSignIn(tx: Tx, normalizedEmail: string): Promise<void> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`sign-in:${normalizedEmail}`}, 0))`;
}

export function findUserById(client: Client, id: string): Promise<UserRow | null> {
  return client.user.findUnique({ where: { id } });
}

/** Reads a person and locks the row until the transaction ends, so concurrent changes compare in turn. */
export async function findUserByIdForUpdate(tx: Tx, id: string): Promise<UserRow | null> {
  await tx.$executeRaw`SELECT 1 FROM users WHERE id = ${id}::uuid FOR UPDATE`;
  return tx.user.findUnique({ where: { id } });
}

export function countUsers(client: Client): Promise<number> {
  return client.user.count();
}

export function listUsers(client: Client): Promise<UserRow[]> {
  return client.user.findMany({ orderBy: { email: "asc" } });
}

export function insertUser(
  tx: Tx,
  data: { email: string; name: string | null; passwordHash: string; role: string },
): Promise<UserRow> {
  return tx.user.create({ data });
}

export function updateUser(
  tx: Tx,
  id: string,
  data: Partial<Pick<UserRow, "name" | "role" | "disabled" | "passwordHash">>,
  options: { endSessions?: boolean } = {},
): Promise<UserRow> {
  return tx.user.update({
    where: { id },
    data: { ...data, ...(options.endSessions ? { sessionVersion: { increment: 1 } } : {}) },
  });
}

/** Ends every session of the person: sessions issued with an older version are refused from now on. */
export function bumpSessionVersion(tx: Tx, id: string): Promise<UserRow> {
  return tx.user.update({ where: { id }, data: { sessionVersion: { increment: 1 } } });
}
