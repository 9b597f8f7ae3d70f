import { json, readJson, route, searchParams } from "@/lib/server/http/route";
import { promptAnswer } from "@/lib/server/services/prompt-dto";
import { createPrompt, listPrompts } from "@/lib/server/services/prompt-service";

export const GET = route({ access: "read" }, async ({ req, caller }) => listPrompts(caller, searchParams(req)));

export const POST = route({ access: "write" }, async ({ req, caller }) =>
  json(promptAnswer(caller, await createPrompt(caller, await readJson(req))), 201),
);
