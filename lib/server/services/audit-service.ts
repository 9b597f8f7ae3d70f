import "server-only";
import { auditQuerySchema } from "@/lib/domain/schemas/account";
import type { Caller } from "../auth/actor";
import { authorize } from "../auth/authorize";
import { db } from "../db/client";
import { withDbErrors } from "../db/errors";
import { listAudit } from "../repositories/audit-repository";
import { parseInput } from "./parse-input";

export interface AuditEventDto {
  id: string;
  actorType: string;
  actorId: string | null;
  actorLabel: string | null;
  action: string;
  targetType: string;
  targetId: string | null;
  before: unknown;
  after: unknown;
  requestId: string | null;
  createdAt: string;
}

/** Admins read the log newest first; `nextCursor` is passed back as `before`. */
export async function listAuditEvents(
  caller: Caller,
  query: unknown,
): Promise<{ items: AuditEventDto[]; nextCursor: string | null }> {
  authorize(caller, "admin");
  const q = parseInput(auditQuerySchema, query);
  const rows = await withDbErrors(() => listAudit(db(), { ...q, limit: q.limit + 1 }));
  const page = rows.slice(0, q.limit);
  return {
    items: page.map((r) => ({ ...r, id: r.id.toString(), createdAt: r.createdAt.toISOString() })),
    nextCursor: rows.length > q.limit ? (page.at(-1)?.id.toString() ?? null) : null,
  };
}
