import "server-only";
import { notFound, permanentRedirect } from "next/navigation";
import { phaseFromSlug, phaseLabel, slugForPhase } from "@/lib/domain/authoring/phase-slug";
import { servingVersions } from "@/lib/domain/authoring/serving";
import { isAppError } from "@/lib/domain/errors";
import type { Phase } from "@/lib/domain/catalog";
import type { Caller } from "@/lib/server/auth/actor";
import { can } from "@/lib/server/auth/authorize";
import { requireCaller } from "@/lib/server/auth/session";
import { getCatalog } from "@/lib/server/services/catalog-service";
import { getPhaseVersion, listPhaseVersions, VERSION_LIST_LIMIT } from "@/lib/server/services/phase-service";

/** What every /prompts/{phase}/… page needs: the phase from the URL, the caller, the version list, the catalog. */
export async function loadPhase(params: Promise<{ phase: string }>, subPath = "") {
  const { phase: raw } = await params;
  const phase = phaseFromSlug(decodeURIComponent(raw));
  if (phase === undefined) notFound();
  const slug = slugForPhase(phase);
  // Enum names and other spellings work in hand-typed links, but each page has one address.
  if (raw !== slug) permanentRedirect(`/prompts/${slug}${subPath}`);
  const caller = await requireCaller("prompts:read", `/prompts/${slug}${subPath}`);
  const versions = await listPhaseVersions(caller, phase);
  const catalog = getCatalog(caller);
  return {
    caller,
    phase,
    slug,
    label: phaseLabel(phase),
    versions,
    serving: servingVersions(phase, versions),
    limitReached: versions.length >= VERSION_LIST_LIMIT,
    canWrite: can(caller.actor, "prompts:write"),
    keys: catalog.contextKeys,
    catalog: {
      contextKeys: catalog.contextKeys,
      actionTypes: catalog.actionTypes.map(({ value, label, description }) => ({ value, label, description })),
      promptTypes: catalog.promptTypes,
    },
  };
}

/** A version of the phase, or the 404 page when it does not exist. */
export async function versionOr404(caller: Caller, phase: Phase | null, version: number | undefined) {
  if (version === undefined) notFound();
  try {
    return await getPhaseVersion(caller, phase, version);
  } catch (error) {
    if (isAppError(error) && error.code === "version_not_found") notFound();
    throw error;
  }
}

/** A positive integer search parameter, or undefined. */
export function positiveInt(value: string | string[] | undefined): number | undefined {
  const n = typeof value === "string" && /^\d{1,9}$/.test(value) ? Number(value) : NaN;
  return n >= 1 ? n : undefined;
}

export function servingSummary(serving: ReadonlySet<number>, count: number): string {
  const list = [...serving]
    .sort((a, b) => b - a)
    .map((v) => `v${v}`)
    .join(", ");
  return `${list ? `Serving ${list}` : "Nothing serving"} · ${count} version${count === 1 ? "" : "s"}`;
}
