import "server-only";
import { narrowActorType, type AuditEventResponse, type AuditPageView } from "@/lib/domain/schemas/account-responses";
import { auditQuerySchema } from "@/lib/domain/schemas/account";
import type { Caller } from "../auth/actor";
import { authorize } from "../auth/authorize";
import { db } from "../db/client";
import { isUuid } from "@/lib/domain/ids";
import { slugForPhase } from "@/lib/domain/authoring/phase-slug";
import { listAudit, listAuditActions, listAuditActors } from "../repositories/audit-repository";
import { promptRefs } from "../repositories/prompt-repository";
import { parseInput } from "./parse-input";

/** Admins read the log newest first; `nextCursor` is passed back as `before`. */
export async function listAuditEvents(
  caller: Caller,
  query: unknown,
): Promise<{ items: AuditEventResponse[]; nextCursor: string | null }> {
  authorize(caller, "admin");
  const q = parseInput(auditQuerySchema, query);
  const rows = await listAudit(db(), { ...q, limit: q.limit + 1 });
  const page = rows.slice(0, q.limit);
  return {
    items: page.map((r) => ({
      ...r,
      id: r.id.toString(),
      actorType: narrowActorType(r.actorType),
      createdAt: r.createdAt.toISOString(),
    })),
    nextCursor: rows.length > q.limit ? (page.at(-1)?.id.toString() ?? null) : null,
  };
}

/**
 * The admin Audit page: a page of events with where each one points in the app (a prompt event links
 * to its version, a rollback to its phase), plus the actions and actors the filters offer.
 */
export async function auditPage(caller: Caller, query: unknown): Promise<AuditPageView> {
  const { items, nextCursor } = await listAuditEvents(caller, query);
  const promptIds = [...new Set(items.filter((e) => e.targetType === "prompt" && e.targetId).map((e) => e.targetId!))];
  const [refs, actions, actors] = await Promise.all([
    promptRefs(db(), promptIds.filter(isUuid)),
    listAuditActions(db()),
    listAuditActors(db()),
  ]);
  const byId = new Map(refs.map((r) => [r.id, r]));
  const link = (e: AuditEventResponse): string | null => {
    if (e.targetType === "prompt" && e.targetId) {
      const ref = byId.get(e.targetId);
      return ref ? `/prompts/${slugForPhase(ref.coachingPhase)}/v/${ref.version}` : null;
    }
    if (e.targetType === "phase" && e.targetId) return `/prompts/${e.targetId}`;
    return null;
  };
  return {
    items: items.map((e) => ({ ...e, link: link(e) })),
    nextCursor,
    actions,
    actors: actors.map((a) => ({ id: a.actorId, label: a.actorLabel ?? a.actorId })),
  };
}
