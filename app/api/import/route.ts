import { importStreamResponse, wantsImportStream } from "@/lib/server/http/import-stream";
import { readJson, route } from "@/lib/server/http/route";
import { authorize } from "@/lib/server/auth/authorize";
import { importActionFile, isActionImport } from "@/lib/server/services/action-import-service";
import { importPrompts } from "@/lib/server/services/import-service";

/** Import files run to tens of MB (10,000 versions of the old system's bodies are ~76 MB). */
const IMPORT_MAX_BODY_BYTES = 256 * 1024 * 1024;

// A dry run unless the body says {"dryRun": false}; with Accept: application/x-ndjson, prompt imports
// stream progress. The file is recognised by its shape: prompts (Django or native) or action definitions.
export const POST = route({ access: "write", maxBodyBytes: IMPORT_MAX_BODY_BYTES }, async ({ req, caller }) => {
  // The large cap is only for callers who may import: everyone else is refused before the body is read.
  authorize(caller, "prompts:write");
  const input = await readJson(req);
  if (isActionImport(input)) return importActionFile(caller, input);
  return wantsImportStream(req)
    ? await importStreamResponse(caller, input, caller.requestId)
    : importPrompts(caller, input);
});
