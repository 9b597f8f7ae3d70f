import "server-only";
import { preparePrompt, type PreparedPrompt } from "@/lib/domain/assembly";
import type { ActionType } from "@/lib/domain/catalog";
import type { PromptRow } from "../repositories/prompt-repository";

// Keyed by the row object: the prompt cache hands out the same row object for as long as it serves
// it, so warm resolves reuse one preparation, and it is collected together with the row. Content
// columns never change in place (the database refuses it), so a row's preparation never goes stale.
const preparations = new WeakMap<PromptRow, PreparedPrompt>();

export function prepareContent(
  content: Pick<PromptRow, "body" | "requiredContextKeys" | "allowedActions">,
): PreparedPrompt {
  return preparePrompt({
    body: content.body,
    requiredContextKeys: content.requiredContextKeys,
    allowedActions: content.allowedActions as ActionType[],
  });
}

export function preparedRow(row: PromptRow): PreparedPrompt {
  let prepared = preparations.get(row);
  if (!prepared) {
    prepared = prepareContent(row);
    preparations.set(row, prepared);
  }
  return prepared;
}
