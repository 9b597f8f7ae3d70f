import "server-only";
import { previewRequestSchema } from "@/lib/domain/schemas/preview";
import type { Caller } from "../auth/actor";
import { authorize } from "../auth/authorize";
import { parseInput } from "./parse-input";
import type { ResolveResponse } from "@/lib/domain/schemas/responses";
import { resolvePrompt } from "./resolve-service";

/**
 * The authoring preview goes through resolvePrompt itself, so what a designer sees is exactly what
 * POST /api/resolve returns: a pinned version may be inactive, and `draft` swaps in unsaved editor
 * content (it is looked up by the version it started from). Empty form fields (and an empty turn list) count as missing.
 */
export async function previewPrompt(caller: Caller, input: unknown): Promise<ResolveResponse> {
  authorize(caller, "resolve");
  const req = parseInput(previewRequestSchema, input);
  const context = Object.fromEntries(
    Object.entries(req.context).filter(([, v]) => (typeof v === "string" ? v !== "" : v.length > 0)),
  );
  return resolvePrompt(
    caller,
    {
      phase: req.phase ?? undefined,
      version: req.version,
      promptType: req.promptType,
      context,
      provider: req.provider,
    },
    { includeInactive: req.version !== undefined, draft: req.draft },
  );
}
