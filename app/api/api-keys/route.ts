import { json, readJson, route } from "@/lib/server/http/route";
import { createApiKey, listApiKeys } from "@/lib/server/services/api-key-service";

export const GET = route({ access: "admin" }, async ({ caller }) => listApiKeys(caller));

export const POST = route({ access: "admin" }, async ({ req, caller }) =>
  json(await createApiKey(caller, await readJson(req)), 201),
);
