import { json, readJson, route } from "@/lib/server/http/route";
import { createUser, listUsers } from "@/lib/server/services/user-service";

export const GET = route({ access: "admin" }, async ({ caller }) => listUsers(caller));

export const POST = route({ access: "admin" }, async ({ req, caller }) =>
  json(await createUser(caller, await readJson(req)), 201),
);
