import "server-only";
import type { PhaseOverviewRow } from "@/lib/domain/schemas/views";
import { PHASE_VALUES } from "@/lib/domain/catalog";
import type { Caller } from "../auth/actor";
import { authorize } from "../auth/authorize";
import { db } from "../db/client";
import { latestChangePerPhase } from "../repositories/audit-repository";
import { phaseOverview } from "../repositories/prompt-repository";

/** Every phase (and the phase-less prompts) with its serving version, version count and last change. */
export async function servingOverview(caller: Caller): Promise<PhaseOverviewRow[]> {
  authorize(caller, "prompts:read");
  const [rows, changes] = await Promise.all([phaseOverview(db()), latestChangePerPhase(db())]);
  const byPhase = new Map(rows.map((r) => [r.phase, r]));
  const changeByPhase = new Map(changes.map((c) => [c.phase, c]));
  return [...PHASE_VALUES, null].map((phase) => {
    const r = byPhase.get(phase);
    const c = changeByPhase.get(phase);
    return {
      phase,
      servingVersion: r?.servingVersion ?? null,
      versions: r?.versions ?? 0,
      lastChange: r?.lastChange?.toISOString() ?? null,
      lastChangeBy: c ? (c.actorLabel ?? c.actorType) : null,
      lastChangeAction: c?.action ?? null,
    };
  });
}
