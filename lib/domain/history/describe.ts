import type { TimelineEntry } from "./timeline";

const v = (n: number | null) => (n === null ? "a version" : `v${n}`);
const list = (ns: readonly number[]) => ns.map((n) => `v${n}`).join(", ");

/** What happened, in words: "released v4 to production (took v5 out)". The actor and time are shown beside it. */
export function describeEntry(e: TimelineEntry): string {
  const out = e.deactivated.filter((n) => n !== e.version);
  const tookOut = out.length ? ` (took ${list(out)} out of production)` : "";
  switch (e.kind) {
    case "saved":
      return `saved ${v(e.version)}`;
    case "renamed":
      return `renamed ${v(e.version)}`;
    case "activated":
      return `activated ${v(e.version)} directly`;
    case "deactivated":
      return `deactivated ${v(e.version)} directly`;
    case "rolled_back":
      return `rolled production back to ${v(e.version)}${tookOut}`;
    case "emergency_rollback":
      return `emergency rollback to ${v(e.version)}${tookOut}`;
    case "staging_set":
      return `set staging to ${v(e.version)}`;
    case "staging_cleared":
      return e.version === null ? "cleared staging" : `cleared staging (was ${v(e.version)})`;
    case "release_requested":
      return `requested release of ${v(e.version)}`;
    case "release_approved":
      return `approved the release of ${v(e.version)}`;
    case "release_rejected":
      return `rejected the release of ${v(e.version)}`;
    case "release_withdrawn":
      return `withdrew the release of ${v(e.version)}`;
    case "release_commented":
      return `commented on the release of ${v(e.version)}`;
    case "released":
      return `released ${v(e.version)} to production${tookOut}`;
  }
}

/** Whether the entry changed what production serves (shown emphasised in the timeline). */
export function changesProduction(e: TimelineEntry): boolean {
  return (
    e.kind === "released" ||
    e.kind === "rolled_back" ||
    e.kind === "emergency_rollback" ||
    e.kind === "activated" ||
    e.kind === "deactivated"
  );
}
