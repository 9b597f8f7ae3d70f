import { readJson, route } from "@/lib/server/http/route";
import { rejectRelease } from "@/lib/server/services/release-review-service";

export const POST = route<{ id: string }>({ access: "write" }, async ({ req, params, caller }) =>
  rejectRelease(caller, params.id, await readJson(req)),
);
