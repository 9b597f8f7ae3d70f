import "server-only";
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
