import { json, readJson, route, searchParams } from "@/lib/server/http/route";
import { createPrompt, listPrompts } from "@/lib/server/services/prompt-service";

export const GET = route({ access: "read" }, async ({ req, actor }) => listPrompts(actor, searchParams(req)));

export const POST = route({ access: "write" }, async ({ req, actor }) =>
  json(await createPrompt(actor, await readJson(req)), 201));
