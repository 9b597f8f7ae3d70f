import "server-only";
import type { ActionType } from "@/lib/domain/catalog";
import type { ActionInstruction, Prisma } from "../db/generated/client";
import type { Db, Tx } from "../db/client";

export type ActionInstructionRow = ActionInstruction;
type Client = Db | Tx;

export interface NewActionInstruction {
  actionType: ActionType;
  instruction: string;
  fieldDescriptions: Record<string, string>;
  changeNote: string | null;
  createdBy: string | null;
}

/** Active versions, highest first per action: the first row of each action is its production version. */
export function findActive(client: Client): Promise<ActionInstructionRow[]> {
  return client.actionInstruction.findMany({
    where: { isActive: true },
    orderBy: [{ actionType: "asc" }, { version: "desc" }],
  });
}

/** Every version of every action, highest version first. */
export function listAll(client: Client): Promise<ActionInstructionRow[]> {
  return client.actionInstruction.findMany({ orderBy: { version: "desc" } });
}

export function findById(client: Client, id: string): Promise<ActionInstructionRow | null> {
  return client.actionInstruction.findUnique({ where: { id } });
}

export function findVersion(client: Client, type: ActionType, version: number): Promise<ActionInstructionRow | null> {
  return client.actionInstruction.findUnique({ where: { actionType_version: { actionType: type, version } } });
}

/** Every version of one action, newest first. */
export function listVersions(client: Client, type: ActionType): Promise<ActionInstructionRow[]> {
  return client.actionInstruction.findMany({ where: { actionType: type }, orderBy: { version: "desc" } });
}

/** Version counts per action. */
export async function versionCounts(client: Client): Promise<Map<string, number>> {
  const groups = await client.actionInstruction.groupBy({ by: ["actionType"], _count: { _all: true } });
  return new Map(groups.map((g) => [g.actionType, g._count._all]));
}

/** Serializes version numbering of one action across connections and instances until the transaction ends. */
export async function lockAction(tx: Tx, type: ActionType): Promise<void> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`action_instructions.version:${type}`}, 0))`;
}

/** Inserts the next version (inactive) of an action. Must run inside a transaction. */
export async function insertNextVersion(tx: Tx, data: NewActionInstruction): Promise<ActionInstructionRow> {
  await lockAction(tx, data.actionType);
  const { _max } = await tx.actionInstruction.aggregate({
    where: { actionType: data.actionType },
    _max: { version: true },
  });
  return tx.actionInstruction.create({
    data: {
      ...data,
      fieldDescriptions: data.fieldDescriptions as Prisma.InputJsonObject,
      version: (_max.version ?? 0) + 1,
    },
  });
}

export function setActive(tx: Tx, id: string, isActive: boolean): Promise<ActionInstructionRow> {
  return tx.actionInstruction.update({ where: { id }, data: { isActive } });
}

/**
 * The allowed actions of each phase's serving prompt (highest active version; for prompts without a
 * phase, per type, as resolve selects them), for "which phases allow it".
 */
export async function servingAllowedActions(
  client: Client,
): Promise<{ phase: string | null; promptType: string; allowedActions: string[] }[]> {
  const rows = await client.$queryRaw<{ phase: string | null; prompt_type: string; allowed_actions: string[] }[]>`
    SELECT DISTINCT ON (coaching_phase, serving_key) coaching_phase AS phase, prompt_type, allowed_actions
    FROM (SELECT *, CASE WHEN coaching_phase IS NULL THEN prompt_type END AS serving_key FROM prompts) p
    WHERE is_active ORDER BY coaching_phase, serving_key, version DESC`;
  return rows.map((r) => ({ phase: r.phase, promptType: r.prompt_type, allowedActions: r.allowed_actions }));
}
