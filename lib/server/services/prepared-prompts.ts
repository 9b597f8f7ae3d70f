import "server-only";
import type { ActionWordings } from "@/lib/domain/action-instructions";
import { preparePrompt, type PreparedPrompt } from "@/lib/domain/assembly";
import type { ActionType } from "@/lib/domain/catalog";
import type { PromptRow } from "../repositories/prompt-repository";

type Content = Pick<PromptRow, "body" | "requiredContextKeys" | "allowedActions" | "promptType">;

// Keyed by the row object: the prompt cache hands out the same row object for as long as it serves
// it, so warm resolves reuse one preparation, and it is collected together with the row. Content
// columns never change in place (the database refuses it); the action wordings can, and the action
// instruction cache hands out a new wordings object when they do, so a preparation is reused only
// with the wordings object it was made from.
const preparations = new WeakMap<PromptRow, { wordings: ActionWordings; prepared: PreparedPrompt }>();

export function prepareContent(content: Content, wordings: ActionWordings): PreparedPrompt {
  return preparePrompt(
    {
      body: content.body,
      requiredContextKeys: content.requiredContextKeys,
      allowedActions: content.allowedActions as ActionType[],
      promptType: content.promptType,
    },
    wordings,
  );
}

export function preparedRow(row: PromptRow, wordings: ActionWordings): PreparedPrompt {
  const entry = preparations.get(row);
  if (entry && entry.wordings === wordings) return entry.prepared;
  const prepared = prepareContent(row, wordings);
  preparations.set(row, { wordings, prepared });
  return prepared;
}
