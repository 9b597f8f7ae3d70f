import "server-only";
import { narrowRole } from "@/lib/domain/schemas/account";
import type { UserResponse } from "@/lib/domain/schemas/account-responses";
import { randomBytes } from "node:crypto";
import { AppError } from "@/lib/domain/errors";
import { createUserSchema, updateUserSchema, type UpdateUserData } from "@/lib/domain/schemas/account";
import { SYSTEM_CALLER, type Caller } from "../auth/actor";
import { authorize } from "../auth/authorize";
import { hashPassword } from "../auth/password";
import { db } from "../db/client";
import { inTransaction } from "../db/errors";
import * as users from "../repositories/user-repository";
import type { UserRow } from "../repositories/user-repository";
import { recordAudit } from "./audit";
import { parseInput } from "./parse-input";
import { isUuid } from "@/lib/domain/ids";

export function toUserResponse(u: UserRow): UserResponse {
  return {
    id: u.id,
    email: u.email,
    name: u.name,
    role: narrowRole(u.role),
    disabled: u.disabled,
    createdAt: u.createdAt.toISOString(),
    updatedAt: u.updatedAt.toISOString(),
  };
}
const auditView = (u: UserRow) => ({ email: u.email, name: u.name, role: u.role, disabled: u.disabled });

export async function createUser(caller: Caller, input: unknown): Promise<UserResponse> {
  authorize(caller, "admin");
  const data = parseInput(createUserSchema, input);
  const passwordHash = await hashPassword(data.password);
  return inTransaction(async (tx) => {
    if (await users.findUserByEmail(tx, data.email))
      throw new AppError("conflict", `A user with email ${data.email} already exists`);
    const user = await users.insertUser(tx, { email: data.email, name: data.name, passwordHash, role: data.role });
    await recordAudit(tx, caller, {
      action: "user.create",
      targetType: "user",
      targetId: user.id,
      after: auditView(user),
    });
    return toUserResponse(user);
  });
}

export async function listUsers(caller: Caller): Promise<{ items: UserResponse[] }> {
  authorize(caller, "admin");
  return { items: (await users.listUsers(db())).map(toUserResponse) };
}

export async function updateUser(caller: Caller, id: string, input: unknown): Promise<UserResponse> {
  authorize(caller, "admin");
  const patch = parseInput(updateUserSchema, input);
  const { password, ...rest } = patch;
  const passwordHash = password ? await hashPassword(password) : undefined;
  return inTransaction(async (tx) => {
    const before = isUuid(id) ? await users.findUserByIdForUpdate(tx, id) : null;
    if (!before) throw new AppError("not_found", `No user with id ${id}`);
    const changes = changedFields(before, rest);
    // Values equal to the stored ones change nothing: no write, no audit event, the row as it is.
    if (!passwordHash && Object.keys(changes).length === 0) return toUserResponse(before);
    if (
      caller.actor.kind === "user" &&
      caller.actor.id === id &&
      (rest.disabled || (rest.role && rest.role !== "admin"))
    ) {
      throw new AppError("forbidden", "You cannot disable yourself or remove your own admin role");
    }
    // A new password, a disabled account or another role ends the person's sessions everywhere.
    const endSessions = Boolean(passwordHash) || "role" in changes || "disabled" in changes;
    const after = await users.updateUser(
      tx,
      id,
      { ...changes, ...(passwordHash ? { passwordHash } : {}) },
      { endSessions },
    );
    const action =
      passwordHash && Object.keys(changes).length === 0
        ? "user.password"
        : before.disabled !== after.disabled && after.disabled
          ? "user.disable"
          : "user.update";
    await recordAudit(tx, caller, {
      action,
      targetType: "user",
      targetId: id,
      before: auditView(before),
      after: { ...auditView(after), ...(passwordHash ? { passwordChanged: true } : {}) },
    });
    return toUserResponse(after);
  });
}

function changedFields(row: UserRow, requested: Omit<UpdateUserData, "password">) {
  return Object.fromEntries(
    Object.entries(requested).filter(([k, v]) => v !== undefined && row[k as keyof typeof requested] !== v),
  ) as Omit<UpdateUserData, "password">;
}

/**
 * First start on the embedded database: with no user at all, create admin@localhost with a random
 * password and hand it back once (the caller prints it). Never a fixed default password.
 */
export async function bootstrapAdmin(): Promise<{ email: string; password: string } | null> {
  if ((await users.countUsers(db())) > 0) return null;
  const password = randomBytes(15).toString("base64url");
  await createUser(SYSTEM_CALLER, { email: "admin@localhost", name: "Administrator", password, role: "admin" });
  return { email: "admin@localhost", password };
}
