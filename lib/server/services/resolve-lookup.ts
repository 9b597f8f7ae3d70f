import "server-only";
import type { Phase, PromptType } from "@/lib/domain/catalog";
import { AppError } from "@/lib/domain/errors";
import type { Channel } from "@/lib/domain/schemas/staging";
import { promptVersion, servingPrompt, stagingPrompt, type Cached } from "../cache/prompt-cache";
import { db } from "../db/client";
import * as prompts from "../repositories/prompt-repository";
import type { PromptRow } from "../repositories/prompt-repository";

/** The version a resolve serves, how it was found, and from which channel. */
export type Found = Cached<PromptRow> & { channel: Channel };

/**
 * Production: the highest active version (or an active pinned one). Staging: the staging channel's
 * version, or production when none is set (or it is of another type than asked for); a pin may then
 * name any version, active or not, so a staging environment can try a candidate.
 */
export async function findPrompt(
  phase: Phase | null,
  promptType: PromptType | undefined,
  version: number | undefined,
  channel: Channel,
  includeInactive = false,
): Promise<Found> {
  const where = phase ? `phase ${phase}` : `prompts without a phase${promptType ? ` of type ${promptType}` : ""}`;
  if (version === undefined) {
    if (channel === "staging" && !includeInactive) {
      const staged = await stagingPrompt(phase, promptType);
      if (staged.value && (!promptType || staged.value.promptType === promptType))
        return { value: staged.value, status: staged.status, channel: "staging" };
    }
    // Authoring previews (includeInactive) read the database directly: they must show what was just saved.
    const serving = includeInactive
      ? await uncached(() => prompts.findServing(db(), { phase, promptType, includeInactive }))
      : await servingPrompt(phase, promptType);
    if (serving.value) return { value: serving.value, status: serving.status, channel: "production" };
    throw new AppError("no_active_prompt", `No active prompt for ${where}`, { phase, promptType: promptType ?? null });
  }
  const pinned = includeInactive
    ? await uncached(() => prompts.findByPhaseVersion(db(), phase, version))
    : await promptVersion(phase, version);
  const row = pinned.value;
  const usable = row && (row.isActive || includeInactive || channel === "staging");
  if (row && usable && (!promptType || row.promptType === promptType))
    return { value: row, status: pinned.status, channel };
  const reason = row
    ? usable
      ? `is not of type ${promptType}`
      : 'exists but is inactive (pin it with "channel": "staging" to try it)'
    : "does not exist";
  throw new AppError("version_not_found", `Version ${version} of ${where} ${reason}`, {
    phase,
    version,
    exists: Boolean(row),
    isActive: row?.isActive ?? null,
  });
}

async function uncached<V>(query: () => Promise<V>): Promise<Cached<V>> {
  return { value: await query(), status: "miss" };
}
