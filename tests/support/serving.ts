import { SYSTEM_CALLER } from "@/lib/server/auth/actor";
import { inTransaction } from "@/lib/server/db/errors";
import * as prompts from "@/lib/server/repositories/prompt-repository";
import { makeProduction } from "@/lib/server/services/production-change";
import { createPrompt } from "@/lib/server/services/prompt-service";
import { setReleasePolicy } from "@/lib/server/services/release-policy-service";
import type { PromptResponse } from "@/lib/domain/schemas/responses";

/**
 * For test files whose intent is "a saved version serves at once" (the behaviour before releases):
 * this file's database requires no approval, so `isActive: true`, PATCH and rollback change production
 * directly. Each integration test file has a database of its own, so this touches no other file.
 */
export async function serveOnSave(): Promise<void> {
  await setReleasePolicy(SYSTEM_CALLER, { requiredApprovals: 0 });
}

/** The policy back to its default: production changes need an approved release. */
export async function requireApproval(): Promise<void> {
  await setReleasePolicy(SYSTEM_CALLER, { requiredApprovals: 1 });
}

/** Saves a version (as the CLI would) and makes it production at once, whatever the policy. */
export async function saveServing(input: Record<string, unknown>): Promise<PromptResponse> {
  const draft = await createPrompt(SYSTEM_CALLER, { ...input, isActive: false });
  return serveVersion(draft.id);
}

/** Makes an existing version production (activates it, deactivates active versions above it). */
export async function serveVersion(id: string): Promise<PromptResponse> {
  const change = await inTransaction(async (tx) => {
    const row = await prompts.findById(tx, id);
    if (!row) throw new Error(`no prompt ${id}`);
    return makeProduction(tx, row);
  });
  const { toPromptDto } = await import("@/lib/server/services/prompt-dto");
  return toPromptDto(change.after!);
}
