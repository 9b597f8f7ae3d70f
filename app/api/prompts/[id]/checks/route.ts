import { readJson, route } from "@/lib/server/http/route";
import { runChecks } from "@/lib/server/services/check-service";

// POST, not GET: it may carry unsaved editor content to check (`draft`), and a run is not cacheable.
export const POST = route<{ id: string }>({ access: "read" }, async ({ req, params, caller }) =>
  runChecks(caller, params.id, await readJson(req)),
);
