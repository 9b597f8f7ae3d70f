import { readJson, route } from "@/lib/server/http/route";
import { promptAnswer } from "@/lib/server/services/prompt-dto";
import { getPrompt, updatePrompt } from "@/lib/server/services/prompt-service";

type Params = { id: string };

export const GET = route<Params>({ access: "read" }, async ({ params, caller }) => getPrompt(caller, params.id));

export const PATCH = route<Params>({ access: "write" }, async ({ req, params, caller }) =>
  promptAnswer(caller, await updatePrompt(caller, params.id, await readJson(req))),
);
