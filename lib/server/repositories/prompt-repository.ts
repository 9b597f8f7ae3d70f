import "server-only";
import type { Phase, PromptType } from "@/lib/domain/catalog";
import type { CreatePromptData, ListPromptsQuery, UpdatePromptData } from "@/lib/domain/schemas/prompt";
import type { Prompt, Prisma } from "../db/generated/client";
import type { Db, Tx } from "../db/client";
import { escapeLike } from "./like-pattern";
import { keysetPage } from "./keyset-page";

export type PromptRow = Prompt;
type Client = Db | Tx;

/** Lock key per phase (NULL phase shares one key), so version numbering is serialized per phase. */
function phaseLockKey(phase: Phase | null): string {
  return `prompts.version:${phase ?? "<none>"}`;
}

export function count(client: Client): Promise<number> {
  return client.prompt.count();
}

export function findById(client: Client, id: string): Promise<PromptRow | null> {
  return client.prompt.findUnique({ where: { id } });
}

export function findByPhaseVersion(client: Client, phase: Phase | null, version: number): Promise<PromptRow | null> {
  return client.prompt.findFirst({ where: { coachingPhase: phase, version } });
}

/** The seed's query: phase, active, optional pinned version, highest version first. */
export function findServing(
  client: Client,
  q: { phase: Phase | null; promptType?: PromptType; version?: number; includeInactive?: boolean },
): Promise<PromptRow | null> {
  return client.prompt.findFirst({
    where: {
      coachingPhase: q.phase,
      ...(q.includeInactive ? {} : { isActive: true }),
      ...(q.version !== undefined ? { version: q.version } : {}),
      ...(q.promptType ? { promptType: q.promptType } : {}),
    },
    orderBy: { version: "desc" },
  });
}

/** What production serves for every phase and prompt type: the highest active version of each pair. */
export function findAllServing(client: Client): Promise<PromptRow[]> {
  return client.prompt.findMany({
    where: { isActive: true },
    distinct: ["coachingPhase", "promptType"],
    orderBy: [{ coachingPhase: "asc" }, { promptType: "asc" }, { version: "desc" }],
  });
}

export async function list(
  client: Client,
  q: ListPromptsQuery,
): Promise<{ items: PromptRow[]; nextCursor: string | null }> {
  const where: Prisma.PromptWhereInput = {
    ...(q.phase !== undefined ? { coachingPhase: q.phase === "none" ? null : q.phase } : {}),
    ...(q.type ? { promptType: q.type } : {}),
    ...(q.active !== undefined ? { isActive: q.active } : {}),
    ...(q.q
      ? {
          OR: (["name", "description", "body"] as const).map((f) => ({
            [f]: { contains: escapeLike(q.q!), mode: "insensitive" },
          })),
        }
      : {}),
  };
  const rows = await client.prompt.findMany({
    where,
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: q.limit + 1,
    ...(q.cursor ? { cursor: { id: q.cursor }, skip: 1 } : {}),
  });
  return keysetPage(rows, q.limit);
}

/** Serializes version changes of one phase across connections and app instances until the transaction ends. */
export async function lockPhase(tx: Tx, phase: Phase | null): Promise<void> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${phaseLockKey(phase)}, 0))`;
}

/** Inserts the next version for the phase. Must run inside a transaction (the lock is transaction-scoped). */
export async function insertNextVersion(tx: Tx, data: CreatePromptData): Promise<PromptRow> {
  await lockPhase(tx, data.coachingPhase);
  const { _max } = await tx.prompt.aggregate({ where: { coachingPhase: data.coachingPhase }, _max: { version: true } });
  return tx.prompt.create({ data: { ...data, version: (_max.version ?? 0) + 1 } });
}

export function updateMeta(client: Client, id: string, patch: UpdatePromptData): Promise<PromptRow> {
  return client.prompt.update({ where: { id }, data: patch });
}

/**
 * Deactivates every active version above `toVersion` (of one type only, when given: phase-less prompts of
 * different types share numbering but not production); returns the rows it changed.
 */
export async function deactivateAbove(
  tx: Tx,
  phase: Phase | null,
  toVersion: number,
  promptType?: PromptType,
): Promise<PromptRow[]> {
  const rows = await tx.prompt.findMany({
    where: { coachingPhase: phase, isActive: true, version: { gt: toVersion }, ...(promptType ? { promptType } : {}) },
    orderBy: { version: "desc" },
  });
  if (rows.length) {
    await tx.prompt.updateMany({ where: { id: { in: rows.map((r) => r.id) } }, data: { isActive: false } });
  }
  return rows;
}

export interface PhaseStats {
  phase: string | null;
  servingVersion: number | null;
  versions: number;
  lastChange: Date | null;
}

/** One grouped query for the overview: highest active version, count and last change per phase. */
export async function phaseOverview(client: Client): Promise<PhaseStats[]> {
  const rows = await client.$queryRaw<
    { phase: string | null; serving: number | null; versions: bigint; last_change: Date | null }[]
  >`
    SELECT coaching_phase AS phase,
           max(version) FILTER (WHERE is_active) AS serving,
           count(*) AS versions,
           max(updated_at) AS last_change
    FROM prompts GROUP BY coaching_phase`;
  return rows.map((r) => ({
    phase: r.phase,
    servingVersion: r.serving,
    versions: Number(r.versions),
    lastChange: r.last_change,
  }));
}

/**
 * Production per scope: the highest active version of each phase, and of each type of the phase-less
 * prompts (each has its own production). `promptType` is null for a phase.
 */
export function productionVersions(
  client: Client,
): Promise<{ phase: string | null; promptType: string | null; version: number }[]> {
  return client.$queryRaw`
    SELECT coaching_phase AS phase,
           CASE WHEN coaching_phase IS NULL THEN prompt_type END AS "promptType",
           max(version) AS version
    FROM prompts WHERE is_active
    GROUP BY 1, 2`;
}

/** The phase's highest version, active or not (what a new version is numbered after). */
export function findLatest(client: Client, phase: Phase | null): Promise<PromptRow | null> {
  return client.prompt.findFirst({ where: { coachingPhase: phase }, orderBy: { version: "desc" } });
}

export type PromptSummaryRow = Pick<
  PromptRow,
  "id" | "coachingPhase" | "version" | "name" | "promptType" | "isActive" | "createdAt" | "updatedAt"
>;
const SUMMARY = {
  id: true,
  coachingPhase: true,
  version: true,
  name: true,
  promptType: true,
  isActive: true,
  createdAt: true,
  updatedAt: true,
} as const;

/** A phase's versions, newest first, without their bodies (the editor's version list). */
export function listVersionSummaries(client: Client, phase: Phase | null, limit: number): Promise<PromptSummaryRow[]> {
  return client.prompt.findMany({
    where: { coachingPhase: phase },
    select: SUMMARY,
    orderBy: { version: "desc" },
    take: limit,
  });
}

/** Phase and version of the given prompts (audit events name prompts by id). */
export function promptRefs(
  client: Client,
  ids: string[],
): Promise<{ id: string; coachingPhase: string | null; version: number }[]> {
  if (ids.length === 0) return Promise.resolve([]);
  return client.prompt.findMany({
    where: { id: { in: ids } },
    select: { id: true, coachingPhase: true, version: true },
  });
}
