import { importStreamResponse, wantsImportStream } from "@/lib/server/http/import-stream";
import { readJson, route } from "@/lib/server/http/route";
import { importPrompts } from "@/lib/server/services/import-service";

// A dry run unless the body says {"dryRun": false}; with Accept: application/x-ndjson, progress streams.
export const POST = route({ access: "write" }, async ({ req, caller }) => {
  const input = await readJson(req);
  return wantsImportStream(req)
    ? await importStreamResponse(caller, input, caller.requestId)
    : importPrompts(caller, input);
});
