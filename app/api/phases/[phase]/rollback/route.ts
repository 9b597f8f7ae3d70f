import { phaseInput } from "@/lib/domain/schemas/prompt";
import { readJson, route } from "@/lib/server/http/route";
import { parseInput } from "@/lib/server/services/parse-input";
import { rollbackPhase } from "@/lib/server/services/rollback-service";

type Params = { phase: string };

export const POST = route<Params>({ access: "write" }, async ({ req, params, caller }) =>
  rollbackPhase(caller, parseInput(phaseInput, params.phase), await readJson(req)),
);
