import "server-only";
import { notFound } from "next/navigation";
import type { Phase } from "@/lib/domain/catalog";
import { isAppError } from "@/lib/domain/errors";
import type { ReleasePermissions } from "@/lib/domain/releases/presentation";
import type { Caller } from "@/lib/server/auth/actor";
import { can } from "@/lib/server/auth/authorize";
import { actorLabel } from "@/lib/server/services/audit";
import { getPhaseVersion } from "@/lib/server/services/phase-service";
import { getRelease } from "@/lib/server/services/release-service";

/** The release with both bodies of its diff (production at opening, target), or the 404 page. */
export async function loadRelease(caller: Caller, id: string) {
  let release;
  try {
    release = await getRelease(caller, id);
  } catch (error) {
    if (isAppError(error) && error.code === "not_found") notFound();
    throw error;
  }
  const phase = release.phase as Phase | null;
  const [base, target] = await Promise.all([
    release.baseVersion === null ? null : getPhaseVersion(caller, phase, release.baseVersion),
    getPhaseVersion(caller, phase, release.targetVersion),
  ]);
  return { release, base, target };
}

/**
 * What the page offers the caller. The services decide (and refuse with a message the page shows);
 * this only hides what would certainly be refused: reviewing is for designers and admins, and the
 * requester (same label as the service records) may withdraw but never approve.
 */
export function releasePermissions(caller: Caller, requestedBy: string | null): ReleasePermissions {
  const a = caller.actor;
  const reviewer = a.kind === "user" && (a.role === "designer" || a.role === "admin");
  return {
    reviewer,
    admin: a.kind === "user" && a.role === "admin",
    write: can(a, "prompts:write"),
    requester: requestedBy !== null && actorLabel(caller) === requestedBy,
  };
}
