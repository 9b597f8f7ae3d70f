import "server-only";
import type { Phase } from "@/lib/domain/catalog";
import { buildTimeline, type TimelineEntry } from "@/lib/domain/history/timeline";
import type { Caller } from "../auth/actor";
import { authorize } from "../auth/authorize";
import { db } from "../db/client";
import { listPhaseEvents } from "../repositories/history-repository";

/** The phase page shows this many of the newest events; the audit log (admins) has all of them. */
export const TIMELINE_LIMIT = 300;

/**
 * A phase's release history (newest first): versions saved, staging moves, releases, rollbacks. Anyone
 * who may read prompts may read it; a version's part is `versionTimeline(entries, version)`.
 */
export async function phaseTimeline(caller: Caller, phase: Phase | null): Promise<TimelineEntry[]> {
  authorize(caller, "prompts:read");
  const rows = await listPhaseEvents(db(), phase, TIMELINE_LIMIT);
  return buildTimeline(
    rows.map((r) => ({
      id: r.id.toString(),
      action: r.action,
      actor: r.actor_label ?? r.actor_type,
      at: r.created_at.toISOString(),
      targetType: r.target_type,
      targetId: r.target_id,
      promptVersion: r.prompt_version,
      before: r.before,
      after: r.after,
    })),
  );
}
