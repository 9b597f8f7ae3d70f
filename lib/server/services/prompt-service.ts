import "server-only";
import type { SaveConflictDetails } from "@/lib/domain/schemas/error-details";
import { AppError } from "@/lib/domain/errors";
import { assertServableTemplate } from "@/lib/domain/template";
import {
  CONTENT_FIELDS,
  createPromptSchema,
  listPromptsQuery,
  updatePromptSchema,
  type UpdatePromptData,
} from "@/lib/domain/schemas/prompt";
import type { Caller } from "../auth/actor";
import { authorize } from "../auth/authorize";
import { db } from "../db/client";
import { inTransaction } from "../db/errors";
import * as prompts from "../repositories/prompt-repository";
import type { PromptRow } from "../repositories/prompt-repository";
import { recordAudit } from "./audit";
import { parseInput } from "./parse-input";
import type { PromptResponse } from "@/lib/domain/schemas/responses";
import { toPromptDto } from "./prompt-dto";
import { isUuid } from "@/lib/domain/ids";
import { lockScope, makeProduction, productionView, scopeOf, setActiveFlag } from "./production-change";
import { approvalsRequired, reviewRequired } from "./release-policy-service";

export async function listPrompts(
  caller: Caller,
  query: unknown,
): Promise<{ items: PromptResponse[]; nextCursor: string | null }> {
  authorize(caller, "prompts:read");
  const q = parseInput(listPromptsQuery, query);
  const page = await prompts.list(db(), q);
  return { items: page.items.map(toPromptDto), nextCursor: page.nextCursor };
}

export async function getPrompt(caller: Caller, id: string): Promise<PromptResponse> {
  authorize(caller, "prompts:read");
  const row = isUuid(id) ? await prompts.findById(db(), id) : null;
  if (!row) throw new AppError("not_found", `No prompt with id ${id}`);
  return toPromptDto(row);
}

export interface CreatePromptOptions {
  /**
   * The editor's stale-edit check: the latest version the author started from (null: the phase had none).
   * If someone saved another version meanwhile, refuse with 409 `conflict` and the latest version in
   * `details.latest`, so the author can review it before saving anyway.
   */
  expectedLatestVersion?: number | null;
}

/**
 * Saves a new version: the next number for its phase, assigned under a per-phase lock. It is a draft
 * (inactive) unless `isActive: true` is asked for, which serves it at once only when the release policy
 * requires no approval (otherwise 409 `review_required`: open a release instead).
 */
export async function createPrompt(
  caller: Caller,
  input: unknown,
  options: CreatePromptOptions = {},
): Promise<PromptResponse> {
  authorize(caller, "prompts:write");
  const { isActive: serveNow = false, ...data } = parseInput(createPromptSchema, input);
  assertServableTemplate(data.body);
  const row = await inTransaction(async (tx) => {
    if (serveNow && (await approvalsRequired(tx))) throw reviewRequired("Saving with isActive: true");
    if (options.expectedLatestVersion !== undefined) {
      // Checked under the phase lock that numbering takes too, so no save can slip in after the check.
      await prompts.lockPhase(tx, data.coachingPhase);
      const latest = await prompts.findLatest(tx, data.coachingPhase);
      if ((latest?.version ?? null) !== options.expectedLatestVersion) {
        const details: SaveConflictDetails = {
          expectedLatestVersion: options.expectedLatestVersion,
          latest: latest ? toPromptDto(latest) : null,
        };
        throw new AppError(
          "conflict",
          `Version ${latest?.version} was saved after the version you started from`,
          details,
        );
      }
    }
    const draft = await prompts.insertNextVersion(tx, { ...data, isActive: false });
    const served = serveNow ? await makeProduction(tx, draft) : null;
    const created = served?.activated ?? draft;
    await recordAudit(tx, caller, {
      action: "prompt.create",
      targetType: "prompt",
      targetId: created.id,
      after: { ...auditView(created), ...(served ? productionView(served) : {}) },
    });
    return created;
  });
  return toPromptDto(row);
}

/** Changes name, description or is_active in place; content changes are refused with 409. */
export async function updatePrompt(caller: Caller, id: string, input: unknown): Promise<PromptResponse> {
  authorize(caller, "prompts:write");
  if (input && typeof input === "object") {
    const content = CONTENT_FIELDS.filter((f) => f in input);
    if (content.length) {
      throw new AppError(
        "immutable_field",
        `${content.join(", ")} cannot change in place: save a new version instead`,
        { fields: content },
      );
    }
  }
  const patch = parseInput(updatePromptSchema, input);
  if (!isUuid(id)) throw new AppError("not_found", `No prompt with id ${id}`);
  const row = await inTransaction(async (tx) => {
    const found = await prompts.findById(tx, id);
    if (!found) throw new AppError("not_found", `No prompt with id ${id}`);
    // Concurrent changes of one version queue on its scope's lock (phase and type never change, and every
    // production change takes the same lock first, so no deadlock); each then compares against what the one
    // before it wrote: 10 parallel deactivations are one change and one audit event.
    await lockScope(tx, scopeOf(found));
    const before = (await prompts.findById(tx, id)) ?? found;
    const { isActive, ...requested } = patch;
    const meta = changedFields(before, requested);
    const flips = isActive !== undefined && isActive !== before.isActive;
    // Nothing differs from the row (compared under its lock): no write, no audit event, the row as it is.
    if (!flips && Object.keys(meta).length === 0) return before;
    if (flips && (await approvalsRequired(tx)))
      throw reviewRequired(`${isActive ? "Activating" : "Deactivating"} a version directly`);
    const flipped = flips ? await setActiveFlag(tx, before, isActive) : null;
    let after = flipped ? (flipped.activated ?? flipped.deactivated[0] ?? before) : before;
    if (Object.keys(meta).length || !flipped) after = await prompts.updateMeta(tx, id, meta);
    const action =
      before.isActive === after.isActive ? "prompt.update" : after.isActive ? "prompt.activate" : "prompt.deactivate";
    await recordAudit(tx, caller, {
      action,
      targetType: "prompt",
      targetId: id,
      before: metaView(before),
      after: { ...metaView(after), ...(flipped ? productionView(flipped) : {}) },
    });
    return after;
  });
  return toPromptDto(row);
}

/** The requested name/description values that differ from the row's (a no-op change is not a change). */
function changedFields(row: PromptRow, requested: Omit<UpdatePromptData, "isActive">) {
  return Object.fromEntries(
    Object.entries(requested).filter(([k, v]) => v !== undefined && row[k as keyof typeof requested] !== v),
  ) as Omit<UpdatePromptData, "isActive">;
}

// Audit rows keep what identifies a version and what changed, not a copy of 14 KB bodies.
function auditView(p: PromptRow) {
  return {
    phase: p.coachingPhase,
    version: p.version,
    promptType: p.promptType,
    isActive: p.isActive,
    name: p.name,
    changeNote: p.changeNote,
  };
}
function metaView(p: PromptRow) {
  return { phase: p.coachingPhase, version: p.version, name: p.name, description: p.description, isActive: p.isActive };
}
