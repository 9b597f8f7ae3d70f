import "server-only";
import type { Db, Tx } from "../db/client";
import type { User } from "../db/generated/client";

export type UserRow = User;
type Client = Db | Tx;

export function findUserByEmail(client: Client, email: string): Promise<UserRow | null> {
  // The unique index is on lower(email); equals + insensitive matches it.
  return client.user.findFirst({ where: { email: { equals: email, mode: "insensitive" } } });
}

export function findUserById(client: Client, id: string): Promise<UserRow | null> {
  return client.user.findUnique({ where: { id } });
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
): Promise<UserRow> {
  return tx.user.update({ where: { id }, data });
}
