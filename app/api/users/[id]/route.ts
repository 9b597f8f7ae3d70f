import { readJson, route } from "@/lib/server/http/route";
import { updateUser } from "@/lib/server/services/user-service";

export const PATCH = route<{ id: string }>({ access: "admin" }, async ({ req, params, caller }) =>
  updateUser(caller, params.id, await readJson(req)),
);
