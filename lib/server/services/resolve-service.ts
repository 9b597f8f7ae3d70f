import "server-only";
import { SYSTEM_CONTEXT_PHASE, type ActionType, type Phase, type PromptType } from "@/lib/domain/catalog";
import { AppError } from "@/lib/domain/errors";
import { assemblePrompt, type Provider, type SectionKind } from "@/lib/domain/assembly";
import { resolveRequestSchema } from "@/lib/domain/schemas/resolve";
import type { Caller } from "../auth/actor";
import { authorize } from "../auth/authorize";
import { db } from "../db/client";
import { withDbErrors } from "../db/errors";
import * as prompts from "../repositories/prompt-repository";
import type { PromptRow } from "../repositories/prompt-repository";
import { parseInput } from "./parse-input";

export interface ResolveResult {
  prompt: { id: string; phase: string | null; version: number; name: string | null; promptType: string };
  text: string;
  sections: { kind: SectionKind; text: string }[];
  allowedActions: string[];
  requiredContextKeys: string[];
  responseFormat: Record<string, unknown>;
}

/** Options only the authoring UI uses: preview an inactive version or unsaved editor content. */
export interface ResolveOptions { includeInactive?: boolean; draft?: Pick<PromptRow, "body" | "requiredContextKeys" | "allowedActions"> }

export async function resolvePrompt(caller: Caller, input: unknown, options: ResolveOptions = {}): Promise<ResolveResult> {
  authorize(caller, "resolve");
  const req = parseInput(resolveRequestSchema, input);
  const phase = req.phase ?? null;
  const prompt = await findPrompt(phase, req.promptType, req.version, options.includeInactive);
  // The system-context prompt frames every user phase; it is not added to itself or to phase-less
  // prompts (the sentinel is a separate agent with its own instructions).
  const systemContext = phase && phase !== SYSTEM_CONTEXT_PHASE
    ? await withDbErrors(() => prompts.findServing(db(), { phase: SYSTEM_CONTEXT_PHASE }))
    : null;
  const content = options.draft ?? prompt;
  const assembled = assemblePrompt({
    systemContext: systemContext ? { body: systemContext.body } : null,
    prompt: { body: content.body, requiredContextKeys: content.requiredContextKeys, allowedActions: content.allowedActions as ActionType[] },
    context: req.context,
    provider: req.provider as Provider,
  });
  return {
    prompt: { id: prompt.id, phase: prompt.coachingPhase, version: prompt.version, name: prompt.name, promptType: prompt.promptType },
    text: assembled.text,
    sections: assembled.sections,
    allowedActions: content.allowedActions,
    requiredContextKeys: content.requiredContextKeys,
    responseFormat: assembled.responseFormat,
  };
}

async function findPrompt(phase: Phase | null, promptType: PromptType | undefined, version: number | undefined, includeInactive = false): Promise<PromptRow> {
  const found = await withDbErrors(() => prompts.findServing(db(), { phase, promptType, version, includeInactive }));
  if (found) return found;
  const where = phase ? `phase ${phase}` : `prompts without a phase${promptType ? ` of type ${promptType}` : ""}`;
  if (version === undefined) {
    throw new AppError("no_active_prompt", `No active prompt for ${where}`, { phase, promptType: promptType ?? null });
  }
  const pinned = await withDbErrors(() => prompts.findByPhaseVersion(db(), phase, version));
  const reason = pinned ? (pinned.isActive ? `is not of type ${promptType}` : "exists but is inactive") : "does not exist";
  throw new AppError("version_not_found", `Version ${version} of ${where} ${reason}`,
    { phase, version, exists: Boolean(pinned), isActive: pinned?.isActive ?? null });
}
