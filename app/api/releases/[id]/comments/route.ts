import { readJson, route } from "@/lib/server/http/route";
import { commentOnRelease } from "@/lib/server/services/release-review-service";

export const POST = route<{ id: string }>({ access: "read" }, async ({ req, params, caller }) =>
  commentOnRelease(caller, params.id, await readJson(req)),
);
