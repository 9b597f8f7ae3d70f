import "server-only";
import { narrowActionType, narrowContextKey, narrowNullablePhase, narrowPromptType } from "@/lib/domain/catalog/narrow";
import type { PromptReceipt, PromptResponse } from "@/lib/domain/schemas/responses";
import type { Caller } from "../auth/actor";
import { can } from "../auth/authorize";
import type { PromptRow } from "../repositories/prompt-repository";

/** The API's camelCase view of a prompt row, catalog values narrowed once here. */
export function toPromptDto(row: PromptRow): PromptResponse {
  return {
    id: row.id,
    coachingPhase: narrowNullablePhase(row.coachingPhase),
    version: row.version,
    name: row.name,
    description: row.description,
    body: row.body,
    requiredContextKeys: row.requiredContextKeys.map(narrowContextKey),
    allowedActions: row.allowedActions.map(narrowActionType),
    promptType: narrowPromptType(row.promptType),
    isActive: row.isActive,
    changeNote: row.changeNote,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

/**
 * A write-only key (`prompts:write` without `prompts:read`) must not read bodies through the write
 * routes' answers: it gets the receipt (id, phase, version, isActive), everyone else the full version.
 */
export function promptAnswer(caller: Caller, dto: PromptResponse): PromptResponse | PromptReceipt {
  if (can(caller.actor, "prompts:read")) return dto;
  return { id: dto.id, coachingPhase: dto.coachingPhase, version: dto.version, isActive: dto.isActive };
}
