import { readJson, route } from "@/lib/server/http/route";
import { resolvePrompt } from "@/lib/server/services/resolve-service";

export const POST = route({ access: "resolve" }, async ({ req, caller }) => resolvePrompt(caller, await readJson(req)));
