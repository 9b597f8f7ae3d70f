import { readJson, route } from "@/lib/server/http/route";
import { setActionInstructionActive } from "@/lib/server/services/action-instruction-service";

type Params = { id: string };

export const PATCH = route<Params>({ access: "write" }, async ({ req, params, caller }) =>
  setActionInstructionActive(caller, params.id, await readJson(req)),
);
