"use server";

import { revalidatePath } from "next/cache";
import { serverAction } from "@/lib/server/http/action";
import { createApiKey, revokeApiKey } from "@/lib/server/services/api-key-service";
import { createUser, updateUser } from "@/lib/server/services/user-service";
import { createWebhook, deleteWebhook, listWebhookDeliveries } from "@/lib/server/services/webhook-service";

// Same services (and so the same authorization and audit) as /api/users and /api/api-keys.
export const createUserAction = serverAction(async (caller, input: unknown) => {
  const user = await createUser(caller, input);
  revalidatePath("/admin");
  return user;
});

export const updateUserAction = serverAction(async (caller, id: string, input: unknown) => {
  const user = await updateUser(caller, id, input);
  revalidatePath("/admin");
  return user;
});

export const createApiKeyAction = serverAction(async (caller, input: unknown) => {
  const created = await createApiKey(caller, input);
  revalidatePath("/admin");
  return created;
});

export const revokeApiKeyAction = serverAction(async (caller, id: string) => {
  const key = await revokeApiKey(caller, id);
  revalidatePath("/admin");
  return key;
});

// Same services as /api/webhooks (authorization, validation, audit).
export const createWebhookAction = serverAction(async (caller, input: unknown) => {
  const created = await createWebhook(caller, input);
  revalidatePath("/admin");
  return created;
});

export const deleteWebhookAction = serverAction(async (caller, id: string) => {
  const deleted = await deleteWebhook(caller, id);
  revalidatePath("/admin");
  return deleted;
});

export const webhookDeliveriesAction = serverAction(async (caller, id: string) => listWebhookDeliveries(caller, id));
