import type { ReleaseDto } from "../schemas/release";

/** How long ago, in the largest whole unit ("just now", "5 min", "3 h", "2 d"): the list's "age" column. */
export function releaseAge(createdAt: string, now: Date): string {
  const minutes = Math.floor((now.getTime() - Date.parse(createdAt)) / 60_000);
  if (minutes < 1) return "just now";
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return `${hours} h`;
  return `${Math.floor(hours / 24)} d`;
}

/** Statuses that still wait for someone: a review (open) or the release itself (approved). */
export function isWaiting(status: ReleaseDto["status"]): boolean {
  return status === "open" || status === "approved";
}

/**
 * The releases page's order: requests still waiting first, then the rest; newest first within each.
 * The service lists newest first already; this keeps that order inside the two groups.
 */
export function waitingFirst<T extends Pick<ReleaseDto, "status" | "createdAt">>(items: readonly T[]): T[] {
  const byNewest = (a: T, b: T) => b.createdAt.localeCompare(a.createdAt);
  return [
    ...items.filter((r) => isWaiting(r.status)).sort(byNewest),
    ...items.filter((r) => !isWaiting(r.status)).sort(byNewest),
  ];
}

const STATUS_TEXT: Record<ReleaseDto["status"], string> = {
  open: "Waiting for approval",
  approved: "Approved, not released yet",
  rejected: "Rejected",
  withdrawn: "Withdrawn",
  released: "Released",
};
export function releaseStatusText(status: ReleaseDto["status"]): string {
  return STATUS_TEXT[status];
}

/** "v3 → v5", or "nothing → v1" when production served nothing when the release was opened. */
export function releaseVersions(r: Pick<ReleaseDto, "baseVersion" | "targetVersion">): string {
  return `${r.baseVersion === null ? "nothing" : `v${r.baseVersion}`} → v${r.targetVersion}`;
}

/** What the release page offers the caller (worked out on the server; the services still decide). */
export interface ReleasePermissions {
  /** A designer or admin: may approve (unless requester) and reject. */
  reviewer: boolean;
  admin: boolean;
  /** May change prompts: reject, release, withdraw their own. */
  write: boolean;
  /** The caller opened this release. */
  requester: boolean;
}
