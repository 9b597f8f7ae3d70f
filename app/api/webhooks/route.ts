import { json, readJson, route } from "@/lib/server/http/route";
import { createWebhook, listWebhooks } from "@/lib/server/services/webhook-service";

export const GET = route({ access: "admin" }, async ({ caller }) => listWebhooks(caller));

// The secret is in this answer only (generated when none was given).
export const POST = route({ access: "admin" }, async ({ req, caller }) =>
  json(await createWebhook(caller, await readJson(req)), 201),
);
