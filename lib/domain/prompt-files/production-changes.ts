import type { ProductionChangeReport } from "../schemas/import";
import type { PromptRecord } from "../schemas/prompt-files";

/**
 * One production channel: a phase, or the phase-less prompts of one type (each type has its own
 * production version). Used as a map key by the import's production rule.
 */
export function scopeKey(phase: string | null, promptType: string | null): string {
  return phase ?? `\u0000${promptType}`;
}

/**
 * What an import would do to production: per scope, production stays the highest active version, so
 * an inserted active row changes it only when it is above what serves now. `from: null` marks a scope
 * with no production yet (setting one up from the old system is allowed to anyone who may import).
 */
export function productionChanges(
  toInsert: readonly PromptRecord[],
  serving: ReadonlyMap<string, number>,
): ProductionChangeReport[] {
  const top = new Map<string, PromptRecord>();
  for (const r of toInsert) {
    if (!r.isActive) continue;
    const key = scopeKey(r.coachingPhase, r.promptType);
    if ((top.get(key)?.version ?? 0) < r.version) top.set(key, r);
  }
  const changes: ProductionChangeReport[] = [];
  for (const [key, r] of top) {
    const from = serving.get(key) ?? null;
    if (from !== null && from >= r.version) continue;
    changes.push({
      phase: r.coachingPhase,
      promptType: r.coachingPhase === null ? r.promptType : null,
      from,
      to: r.version,
    });
  }
  return changes.sort((a, b) => (a.phase ?? "").localeCompare(b.phase ?? "") || a.to - b.to);
}
