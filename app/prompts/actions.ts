"use server";

import { parsePhase } from "@/lib/domain/catalog";
import { AppError } from "@/lib/domain/errors";
import { serverAction } from "@/lib/server/http/action";
import { runChecks } from "@/lib/server/services/check-service";
import { previewPrompt } from "@/lib/server/services/preview-service";
import { createPrompt, updatePrompt } from "@/lib/server/services/prompt-service";
import { rollbackPhase } from "@/lib/server/services/rollback-service";
import { deleteSampleContext, saveSampleContext } from "@/lib/server/services/sample-context-service";
import { countTokens } from "@/lib/server/services/token-service";

// The authoring UI's mutations and previews. Each goes through the same service as the API, which
// authorizes the caller itself: hiding a button from viewers is convenience, not protection.

/** Saves the editor's content as a new version unless someone saved after `expectedLatestVersion`. */
export const saveVersion = serverAction((caller, input: unknown, expectedLatestVersion: number | null) =>
  createPrompt(caller, input, { expectedLatestVersion }),
);

export const setVersionActive = serverAction((caller, id: string, isActive: boolean) =>
  updatePrompt(caller, id, { isActive }),
);

export const rollBackToVersion = serverAction(async (caller, phase: string, toVersion: number) => {
  const parsed = parsePhase(String(phase));
  if (!parsed) throw new AppError("invalid_request", `Unknown coaching phase "${phase}"`);
  return rollbackPhase(caller, parsed, { toVersion });
});

export const previewAssembled = serverAction((caller, input: unknown) => previewPrompt(caller, input));

export const countPromptTokens = serverAction((caller, input: unknown) => countTokens(caller, input));

export const saveSample = serverAction((caller, input: unknown) => saveSampleContext(caller, input));

export const deleteSample = serverAction((caller, id: string) => deleteSampleContext(caller, id));

/** The editor's live checks: unsaved content checked with the phase's samples (nothing is written). */
export const checkDraft = serverAction((caller, promptId: string, input: unknown) =>
  runChecks(caller, promptId, input),
);
