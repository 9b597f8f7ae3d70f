import "server-only";
import { SYSTEM_CONTEXT_PHASE } from "@/lib/domain/catalog";
import { assemblePrepared, type Provider } from "@/lib/domain/assembly";
import { narrowActionType, narrowContextKey, narrowNullablePhase, narrowPromptType } from "@/lib/domain/catalog/narrow";
import { resolveRequestSchema } from "@/lib/domain/schemas/resolve";
import type { ResolveResponse } from "@/lib/domain/schemas/responses";
import type { Caller } from "../auth/actor";
import { authorize } from "../auth/authorize";
import { noteResolveServed, servingPrompt, servingWordings, type CacheStatus } from "../cache/prompt-cache";
import type { Channel } from "@/lib/domain/schemas/staging";
import type { PromptRow } from "../repositories/prompt-repository";
import { findPrompt } from "./resolve-lookup";
import { parseInput } from "./parse-input";
import { prepareContent, preparedRow } from "./prepared-prompts";

/** Options only the authoring UI uses: preview an inactive version or unsaved editor content. */
export interface ResolveOptions {
  includeInactive?: boolean;
  draft?: Pick<PromptRow, "body" | "requiredContextKeys" | "allowedActions">;
}

export async function resolvePrompt(
  caller: Caller,
  input: unknown,
  options: ResolveOptions = {},
): Promise<ResolveResponse> {
  return (await resolveWithCacheStatus(caller, input, options)).result;
}

/**
 * Resolve, plus how its prompts were found (the route reports it in X-Prompt-Cache) and which channel
 * served it (X-Prompt-Channel: staging only when the staging channel's version or a staging pin served).
 */
export async function resolveWithCacheStatus(
  caller: Caller,
  input: unknown,
  options: ResolveOptions = {},
): Promise<{ result: ResolveResponse; cache: CacheStatus; channel: Channel }> {
  authorize(caller, "resolve");
  return resolveAuthorized(input, options);
}

/** Resolve for a caller already authorized (check runs read prompts; they need not hold `resolve`). */
export async function resolveAuthorized(
  input: unknown,
  options: ResolveOptions = {},
): Promise<{ result: ResolveResponse; cache: CacheStatus; channel: Channel }> {
  const req = parseInput(resolveRequestSchema, input);
  const phase = req.phase ?? null;
  // The system-context prompt frames every user phase; it is not added to itself or to phase-less
  // prompts (the sentinel is a separate agent with its own instructions). Both lookups run at once:
  // on a miss that is one round trip, and with a hanging database one stale-after wait, not two.
  // The action wordings are read alongside (one entry, cached and invalidated like prompts).
  const [found, systemContext, wordingsFound] = await Promise.all([
    findPrompt(phase, req.promptType, req.version, req.channel, options.includeInactive),
    phase && phase !== SYSTEM_CONTEXT_PHASE ? servingPrompt(SYSTEM_CONTEXT_PHASE, undefined) : null,
    servingWordings(),
  ]);
  if (!options.includeInactive) noteResolveServed();
  const prompt = found.value;
  const content = options.draft ?? prompt;
  const wordings = wordingsFound.value;
  const prepared = options.draft
    ? prepareContent({ ...options.draft, promptType: prompt.promptType }, wordings)
    : preparedRow(prompt, wordings);
  const assembled = assemblePrepared(prepared, {
    systemContext: systemContext?.value ? { body: systemContext.value.body } : null,
    context: req.context,
    provider: req.provider as Provider,
  });
  const result: ResolveResponse = {
    prompt: {
      id: prompt.id,
      phase: narrowNullablePhase(prompt.coachingPhase),
      version: prompt.version,
      name: prompt.name,
      promptType: narrowPromptType(prompt.promptType),
    },
    text: assembled.text,
    sections: assembled.sections,
    allowedActions: content.allowedActions.map(narrowActionType),
    requiredContextKeys: content.requiredContextKeys.map(narrowContextKey),
    responseFormat: assembled.responseFormat,
  };
  return {
    result,
    cache: worst(worst(found.status, systemContext?.status ?? "hit"), wordingsFound.status),
    channel: found.channel,
  };
}

// The answer is only as fresh as the least fresh of its parts.
const FRESHNESS_RANK: Record<CacheStatus, number> = { hit: 0, miss: 1, stale: 2 };
function worst(a: CacheStatus, b: CacheStatus): CacheStatus {
  return FRESHNESS_RANK[a] >= FRESHNESS_RANK[b] ? a : b;
}
