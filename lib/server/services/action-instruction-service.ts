import "server-only";
import { userIdOf } from "@/lib/domain/auth/actor";
import { fieldPaths, unknownFieldPaths, descriptionMap } from "@/lib/domain/action-instructions";
import { ACTIONS, ACTION_TYPE_VALUES, actionJsonSchema, isActionType, type ActionType } from "@/lib/domain/catalog";
import { AppError } from "@/lib/domain/errors";
import { isUuid } from "@/lib/domain/ids";
import {
  createActionInstructionSchema,
  updateActionInstructionSchema,
  type ActionDetail,
  type ActionInstructionDto,
  type ActionSummary,
} from "@/lib/domain/schemas/action-instructions";
import type { Caller } from "../auth/actor";
import { authorize } from "../auth/authorize";
import { db, type Tx } from "../db/client";
import { inTransaction } from "../db/errors";
import * as instructions from "../repositories/action-instruction-repository";
import type { ActionInstructionRow } from "../repositories/action-instruction-repository";
import { recordAudit } from "./audit";
import { parseInput } from "./parse-input";

export function toActionInstructionDto(row: ActionInstructionRow): ActionInstructionDto {
  return {
    id: row.id,
    actionType: row.actionType as ActionType,
    version: row.version,
    instruction: row.instruction,
    fieldDescriptions: descriptionMap(row.fieldDescriptions),
    changeNote: row.changeNote,
    isActive: row.isActive,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** All 22 actions with their production wording and the phases whose serving prompt allows them. */
export async function listActionInstructions(caller: Caller): Promise<ActionSummary[]> {
  authorize(caller, "prompts:read");
  const active = await instructions.findActive(db());
  const counts = await instructions.versionCounts(db());
  const serving = await instructions.servingAllowedActions(db());
  return ACTION_TYPE_VALUES.map((type) => summary(type, active, counts, serving));
}

export async function getActionInstruction(caller: Caller, type: string): Promise<ActionDetail> {
  authorize(caller, "prompts:read");
  const action = actionTypeOf(type);
  const active = await instructions.findActive(db());
  const counts = await instructions.versionCounts(db());
  const serving = await instructions.servingAllowedActions(db());
  const history = await instructions.listVersions(db(), action);
  const params = (actionJsonSchema(action).properties as Record<string, Record<string, unknown>>).params ?? {};
  return {
    ...summary(action, active, counts, serving),
    fieldPaths: fieldPaths(action),
    paramsSchema: params,
    history: history.map(toActionInstructionDto),
  };
}

/** Saves a new version of an action's wording (the next number), inactive unless `activate`. */
export async function createActionInstructionVersion(
  caller: Caller,
  type: string,
  input: unknown,
): Promise<ActionInstructionDto> {
  authorize(caller, "prompts:write");
  const action = actionTypeOf(type);
  const data = parseInput(createActionInstructionSchema, input);
  const unknown = unknownFieldPaths(action, data.fieldDescriptions);
  if (unknown.length > 0) {
    throw new AppError("invalid_request", `${action} has no field ${unknown.map((p) => `"${p}"`).join(", ")}`, {
      unknownFields: unknown,
      fields: fieldPaths(action),
    });
  }
  const fieldDescriptions = Object.fromEntries(Object.entries(data.fieldDescriptions).filter(([, d]) => d !== ""));
  const row = await inTransaction(async (tx) => {
    const created = await instructions.insertNextVersion(tx, {
      actionType: action,
      instruction: data.instruction,
      fieldDescriptions,
      changeNote: data.changeNote ?? null,
      createdBy: userIdOf(caller),
    });
    await recordAudit(tx, caller, {
      action: "action_instruction.create",
      targetType: "action_instruction",
      targetId: created.id,
      after: auditView(created),
    });
    return data.activate ? changeActivation(tx, caller, created, true) : created;
  });
  return toActionInstructionDto(row);
}

/** Activates or deactivates one version of an action's wording. */
export async function setActionInstructionActive(
  caller: Caller,
  id: string,
  input: unknown,
): Promise<ActionInstructionDto> {
  authorize(caller, "prompts:write");
  const { isActive } = parseInput(updateActionInstructionSchema, input);
  if (!isUuid(id)) throw new AppError("not_found", `No action instruction with id ${id}`);
  const row = await inTransaction(async (tx) => {
    const found = await instructions.findById(tx, id);
    if (!found) throw new AppError("not_found", `No action instruction with id ${id}`);
    return changeActivation(tx, caller, found, isActive);
  });
  return toActionInstructionDto(row);
}

/**
 * The one place a version of an action's wording starts or stops serving (saving with `activate`,
 * the version page, imports). Production is the highest active version, as for prompts; an action
 * always keeps one active version, so no phase ever resolves without its instruction. When releases
 * (issue #9) govern activation, this is where the release rule applies.
 */
export async function changeActivation(
  tx: Tx,
  caller: Caller,
  row: ActionInstructionRow,
  isActive: boolean,
): Promise<ActionInstructionRow> {
  if (row.isActive === isActive) return row;
  await instructions.lockAction(tx, row.actionType as ActionType);
  // Read again under the lock: a concurrent request may just have made the same change (one event per change).
  const current = (await instructions.findById(tx, row.id)) ?? row;
  if (current.isActive === isActive) return current;
  if (!isActive) {
    const others = (await instructions.findActive(tx)).filter(
      (r) => r.actionType === row.actionType && r.id !== row.id,
    );
    if (others.length === 0) {
      throw new AppError(
        "conflict",
        `Version ${row.version} is the only active wording of ${row.actionType}: activate another version first`,
        { actionType: row.actionType, version: row.version },
      );
    }
  }
  const after = await instructions.setActive(tx, row.id, isActive);
  await recordAudit(tx, caller, {
    action: isActive ? "action_instruction.activate" : "action_instruction.deactivate",
    targetType: "action_instruction",
    targetId: row.id,
    before: auditView(current),
    after: auditView(after),
  });
  return after;
}

function actionTypeOf(type: string): ActionType {
  if (!isActionType(type)) throw new AppError("not_found", `No action type ${type}`);
  return type;
}

function summary(
  type: ActionType,
  active: readonly ActionInstructionRow[],
  counts: ReadonlyMap<string, number>,
  serving: readonly { phase: string | null; promptType: string; allowedActions: string[] }[],
): ActionSummary {
  const current = active.find((r) => r.actionType === type); // rows are highest version first
  return {
    actionType: type,
    label: ACTIONS[type].label,
    serving: current ? toActionInstructionDto(current) : null,
    versions: counts.get(type) ?? 0,
    allowedIn: serving.filter((s) => s.allowedActions.includes(type)).map((s) => s.phase ?? s.promptType),
  };
}

function auditView(row: ActionInstructionRow) {
  return { actionType: row.actionType, version: row.version, isActive: row.isActive, changeNote: row.changeNote };
}
