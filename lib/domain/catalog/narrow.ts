import { isActionType, type ActionType } from "./actions";
import { isContextKey, type ContextKey } from "./context-keys";
import { PHASE_VALUES, PROMPT_TYPE_VALUES, type Phase, type PromptType } from "./phases";

/**
 * Stored catalog values back to their types, where rows are mapped to answers (repositories and DTO
 * mappers), instead of casts scattered through services. The database's CHECK constraints keep every
 * stored value in the catalog, so a value outside it is a broken invariant: it throws, loudly.
 */
export function narrowTo<T extends string>(what: string, ok: (v: string) => v is T) {
  return (value: string): T => {
    if (!ok(value)) throw new Error(`Stored ${what} "${value}" is not in the catalog`);
    return value;
  };
}

const isPhase = (v: string): v is Phase => (PHASE_VALUES as readonly string[]).includes(v);
const isPromptType = (v: string): v is PromptType => (PROMPT_TYPE_VALUES as readonly string[]).includes(v);

export const narrowPhase = narrowTo("phase", isPhase);
export const narrowPromptType = narrowTo("prompt type", isPromptType);
export const narrowContextKey = narrowTo<ContextKey>("context key", isContextKey);
export const narrowActionType = narrowTo<ActionType>("action type", isActionType);

export function narrowNullablePhase(value: string | null): Phase | null {
  return value === null ? null : narrowPhase(value);
}
