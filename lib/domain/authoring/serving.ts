/**
 * Which versions resolve serves: the highest active version of a phase; for prompts without a phase
 * (looked up by type) the highest active version of each type.
 */
export function servingVersions(
  phase: string | null,
  versions: readonly { version: number; isActive: boolean; promptType: string }[],
): Set<number> {
  const best = new Map<string, number>();
  for (const v of versions) {
    if (!v.isActive) continue;
    const group = phase === null ? v.promptType : "";
    if (v.version > (best.get(group) ?? 0)) best.set(group, v.version);
  }
  return new Set(best.values());
}
