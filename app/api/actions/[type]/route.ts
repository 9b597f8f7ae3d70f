import { json, readJson, route } from "@/lib/server/http/route";
import { createActionInstructionVersion, getActionInstruction } from "@/lib/server/services/action-instruction-service";

type Params = { type: string };

export const GET = route<Params>({ access: "read" }, async ({ params, caller }) =>
  getActionInstruction(caller, params.type),
);

// A new version of the action's wording (inactive unless {"activate": true}).
export const POST = route<Params>({ access: "write" }, async ({ req, params, caller }) =>
  json(await createActionInstructionVersion(caller, params.type, await readJson(req)), 201),
);
