/**
 * A phase's release history, built from its audit events: versions saved, staging moves, releases
 * requested/approved/rejected/released, direct (de)activations and rollbacks. The audit log is the one
 * record of what happened, so the timeline is derived from it rather than kept a second time.
 */

/** One audit event of a phase, as the repository reads it (prompt targets joined to their version). */
export interface HistoryEvent {
  id: string;
  action: string;
  actor: string;
  at: string;
  targetType: string;
  targetId: string | null;
  /** For events whose target is a prompt: that prompt's version number. */
  promptVersion: number | null;
  before: unknown;
  after: unknown;
}

export const TIMELINE_KINDS = [
  "saved",
  "renamed",
  "activated",
  "deactivated",
  "rolled_back",
  "emergency_rollback",
  "staging_set",
  "staging_cleared",
  "release_requested",
  "release_approved",
  "release_rejected",
  "release_withdrawn",
  "release_commented",
  "released",
] as const;
export type TimelineKind = (typeof TIMELINE_KINDS)[number];

export interface TimelineEntry {
  id: string;
  kind: TimelineKind;
  at: string;
  actor: string;
  /** The version the entry is about: saved, moved to, released, rolled back to. */
  version: number | null;
  /** Versions this entry took out of production (a release or rollback deactivating newer ones). */
  deactivated: number[];
  /** The change note, release note or reviewer's comment. */
  note: string | null;
  /** The release this entry belongs to, for a link to its page. */
  releaseId: string | null;
}

type Fields = Record<string, unknown>;
const fields = (v: unknown): Fields => (v !== null && typeof v === "object" && !Array.isArray(v) ? (v as Fields) : {});
const num = (v: unknown): number | null => (typeof v === "number" && Number.isSafeInteger(v) ? v : null);
const text = (v: unknown): string | null => (typeof v === "string" && v.trim() !== "" ? v : null);
const nums = (v: unknown): number[] => (Array.isArray(v) ? v.map(num).filter((n): n is number => n !== null) : []);

const RELEASE_KINDS: Record<string, TimelineKind> = {
  "release.open": "release_requested",
  "release.approve": "release_approved",
  "release.reject": "release_rejected",
  "release.withdraw": "release_withdrawn",
  "release.comment": "release_commented",
  "release.release": "released",
};

/** One audit event as a timeline entry, or null for events that are not part of a phase's history. */
export function toTimelineEntry(e: HistoryEvent): TimelineEntry | null {
  const before = fields(e.before);
  const after = fields(e.after);
  const base = { id: e.id, at: e.at, actor: e.actor, deactivated: [] as number[], releaseId: null as string | null };
  const note = text(after.changeNote) ?? text(after.note) ?? text(after.comment);
  switch (e.action) {
    case "prompt.create":
      return { ...base, kind: "saved", version: e.promptVersion ?? num(after.version), note };
    case "prompt.update":
      return { ...base, kind: "renamed", version: e.promptVersion, note: null };
    case "prompt.activate":
    case "prompt.deactivate":
      return {
        ...base,
        kind: e.action === "prompt.activate" ? "activated" : "deactivated",
        version: e.promptVersion,
        deactivated: e.action === "prompt.deactivate" && e.promptVersion !== null ? [e.promptVersion] : [],
        note,
      };
    case "phase.rollback":
    case "phase.emergency_rollback":
      return {
        ...base,
        kind:
          e.action === "phase.emergency_rollback" || after.emergency === true ? "emergency_rollback" : "rolled_back",
        version: num(after.servingVersion) ?? num(after.toVersion),
        deactivated: nums(after.deactivatedVersions),
        note,
      };
    case "staging.set":
    case "staging.clear": {
      const version = num(after.version) ?? num(after.stagingVersion);
      const cleared = e.action === "staging.clear" || version === null;
      return {
        ...base,
        kind: cleared ? "staging_cleared" : "staging_set",
        version: cleared ? (num(before.version) ?? num(before.stagingVersion)) : version,
        note,
      };
    }
  }
  const releaseKind = RELEASE_KINDS[e.action];
  if (releaseKind === undefined) return null;
  return {
    ...base,
    kind: releaseKind,
    version: num(after.version) ?? num(before.version),
    deactivated: releaseKind === "released" ? nums(after.deactivatedVersions) : [],
    note,
    releaseId: e.targetType === "release" ? e.targetId : null,
  };
}

/**
 * A phase's timeline, newest first (by audit id: ids only grow, so they order events committed in the
 * same millisecond too); events that are not part of its history are left out.
 */
export function buildTimeline(events: readonly HistoryEvent[]): TimelineEntry[] {
  return events
    .map(toTimelineEntry)
    .filter((e): e is TimelineEntry => e !== null)
    .sort((a, b) => (BigInt(b.id) > BigInt(a.id) ? 1 : BigInt(b.id) < BigInt(a.id) ? -1 : 0));
}

/** One version's part of the timeline: what was done to it, and when a later change took it out. */
export function versionTimeline(entries: readonly TimelineEntry[], version: number): TimelineEntry[] {
  return entries.filter((e) => e.version === version || e.deactivated.includes(version));
}
