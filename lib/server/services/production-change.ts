import "server-only";
import type { Phase, PromptType } from "@/lib/domain/catalog";
import type { Tx } from "../db/client";
import * as prompts from "../repositories/prompt-repository";
import type { PromptRow } from "../repositories/prompt-repository";

/**
 * What one production channel covers: a phase, or the phase-less prompts of one type (those share
 * version numbers across types but each type has its own production version).
 */
export interface ProductionScope {
  phase: Phase | null;
  promptType: PromptType | null;
}

export interface ProductionChange {
  before: PromptRow | null;
  after: PromptRow | null;
  activated: PromptRow | null;
  deactivated: PromptRow[];
}

export function scopeOf(row: Pick<PromptRow, "coachingPhase" | "promptType">): ProductionScope {
  const phase = row.coachingPhase as Phase | null;
  return { phase, promptType: phase === null ? (row.promptType as PromptType) : null };
}

function serving(tx: Tx, scope: ProductionScope): Promise<PromptRow | null> {
  return prompts.findServing(tx, { phase: scope.phase, promptType: scope.promptType ?? undefined });
}

/** Locks the scope's numbering and production (saves, releases and rollbacks of it queue behind). */
export async function lockScope(tx: Tx, scope: ProductionScope): Promise<void> {
  await prompts.lockPhase(tx, scope.phase);
}

/** The version production serves now (the highest active one of the scope). */
export function currentProduction(tx: Tx, scope: ProductionScope): Promise<PromptRow | null> {
  return serving(tx, scope);
}

/**
 * THE place where a version becomes production: activate it and deactivate every active version above
 * it, under the scope lock, in the caller's transaction. Releases, rollbacks (emergency or allowed by the
 * policy) and serve-on-save (policy 0) all come through here, so whatever must follow a production
 * change (change events, webhooks) hooks in here once.
 */
export async function makeProduction(tx: Tx, target: PromptRow): Promise<ProductionChange> {
  const scope = scopeOf(target);
  await lockScope(tx, scope);
  const before = await serving(tx, scope);
  const deactivated = await prompts.deactivateAbove(tx, scope.phase, target.version, scope.promptType ?? undefined);
  const activated = target.isActive ? null : await prompts.updateMeta(tx, target.id, { isActive: true });
  return { before, after: activated ?? target, activated, deactivated };
}

/**
 * The other way production changes: one version's active flag flipped in place (the old PATCH path,
 * allowed by the policy only when no approval is required). Returns what production served before and after.
 */
export async function setActiveFlag(tx: Tx, target: PromptRow, isActive: boolean): Promise<ProductionChange> {
  const scope = scopeOf(target);
  await lockScope(tx, scope);
  const before = await serving(tx, scope);
  const changed = await prompts.updateMeta(tx, target.id, { isActive });
  const after = await serving(tx, scope);
  return {
    before,
    after,
    activated: isActive ? changed : null,
    deactivated: isActive ? [] : [changed],
  };
}

/** What production served before and after a change, for audit events (the release history reads them). */
export function productionView(c: ProductionChange) {
  return {
    productionBefore: c.before?.version ?? null,
    productionAfter: c.after?.version ?? null,
    deactivatedVersions: c.deactivated.map((p) => p.version),
  };
}
