import { parsePhase, PHASES, type Phase } from "../catalog";

/** URL segment for prompts without a phase (sentinel, system): /prompts/none. */
export const NO_PHASE_SLUG = "none";

/** The phase a /prompts/{slug} segment names: a Phase, null for "none", undefined if unknown. */
export function phaseFromSlug(slug: string): Phase | null | undefined {
  if (slug === NO_PHASE_SLUG) return null;
  const phase = parsePhase(slug);
  // Only the stored value is a canonical URL; enum names still resolve so hand-typed links work.
  return phase;
}

export function slugForPhase(phase: string | null): string {
  return phase ?? NO_PHASE_SLUG;
}

export function phaseLabel(phase: string | null): string {
  if (phase === null) return "No phase (sentinel & system)";
  return PHASES.find((p) => p.value === phase)?.label ?? phase;
}
