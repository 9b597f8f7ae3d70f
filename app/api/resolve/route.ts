import { readJson, route } from "@/lib/server/http/route";
import { resolveResultJson } from "@/lib/server/services/resolve-json";
import { resolveWithCacheStatus } from "@/lib/server/services/resolve-service";

export const POST = route({ access: "resolve" }, async ({ req, caller }) => {
  const { result, cache, channel } = await resolveWithCacheStatus(caller, await readJson(req));
  // hit: from this instance's memory; miss: read from the database; stale: database unreachable, last known good.
  return new Response(resolveResultJson(result), {
    headers: { "content-type": "application/json", "x-prompt-cache": cache, "x-prompt-channel": channel },
  });
});
