import "server-only";
import type { Caller } from "../auth/actor";
import { can } from "../auth/authorize";
import type { PromptRow } from "../repositories/prompt-repository";

/** The API's camelCase view of a prompt row. */
export interface PromptDto {
  id: string;
  coachingPhase: string | null;
  version: number;
  name: string | null;
  description: string | null;
  body: string;
  requiredContextKeys: string[];
  allowedActions: string[];
  promptType: string;
  isActive: boolean;
  changeNote: string | null;
  createdAt: string;
  updatedAt: string;
}

export function toPromptDto(row: PromptRow): PromptDto {
  return {
    id: row.id,
    coachingPhase: row.coachingPhase,
    version: row.version,
    name: row.name,
    description: row.description,
    body: row.body,
    requiredContextKeys: row.requiredContextKeys,
    allowedActions: row.allowedActions,
    promptType: row.promptType,
    isActive: row.isActive,
    changeNote: row.changeNote,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** What a caller that may write prompts but not read them gets back for a version it wrote. */
export type PromptReceipt = Pick<PromptDto, "id" | "coachingPhase" | "version" | "isActive">;

/**
 * A write-only key (`prompts:write` without `prompts:read`) must not read bodies through the write
 * routes' answers: it gets the receipt (id, phase, version, isActive), everyone else the full version.
 */
export function promptAnswer(caller: Caller, dto: PromptDto): PromptDto | PromptReceipt {
  if (can(caller.actor, "prompts:read")) return dto;
  return { id: dto.id, coachingPhase: dto.coachingPhase, version: dto.version, isActive: dto.isActive };
}
