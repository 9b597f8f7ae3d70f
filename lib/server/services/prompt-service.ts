import "server-only";
import { AppError } from "@/lib/domain/errors";
import { assertValidTemplate } from "@/lib/domain/template";
import {
  CONTENT_FIELDS,
  createPromptSchema,
  listPromptsQuery,
  rollbackSchema,
  updatePromptSchema,
} from "@/lib/domain/schemas/prompt";
import type { Phase } from "@/lib/domain/catalog";
import type { Caller } from "../auth/actor";
import { authorize } from "../auth/authorize";
import { db } from "../db/client";
import { inTransaction, withDbErrors } from "../db/errors";
import * as prompts from "../repositories/prompt-repository";
import type { PromptRow } from "../repositories/prompt-repository";
import { recordAudit } from "./audit";
import { parseInput } from "./parse-input";
import { toPromptDto, type PromptDto } from "./prompt-dto";
import { isUuid } from "@/lib/domain/ids";

export async function listPrompts(
  caller: Caller,
  query: unknown,
): Promise<{ items: PromptDto[]; nextCursor: string | null }> {
  authorize(caller, "prompts:read");
  const q = parseInput(listPromptsQuery, query);
  const page = await withDbErrors(() => prompts.list(db(), q));
  return { items: page.items.map(toPromptDto), nextCursor: page.nextCursor };
}

export async function getPrompt(caller: Caller, id: string): Promise<PromptDto> {
  authorize(caller, "prompts:read");
  const row = isUuid(id) ? await withDbErrors(() => prompts.findById(db(), id)) : null;
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

/** Saves a new version: the next number for its phase, assigned under a per-phase lock. */
export async function createPrompt(
  caller: Caller,
  input: unknown,
  options: CreatePromptOptions = {},
): Promise<PromptDto> {
  authorize(caller, "prompts:write");
  const data = parseInput(createPromptSchema, input);
  assertValidTemplate(data.body);
  const row = await inTransaction(async (tx) => {
    if (options.expectedLatestVersion !== undefined) {
      // Checked under the phase lock that numbering takes too, so no save can slip in after the check.
      await prompts.lockPhase(tx, data.coachingPhase);
      const latest = await prompts.findLatest(tx, data.coachingPhase);
      if ((latest?.version ?? null) !== options.expectedLatestVersion) {
        throw new AppError("conflict", `Version ${latest?.version} was saved after the version you started from`, {
          expectedLatestVersion: options.expectedLatestVersion,
          latest: latest ? toPromptDto(latest) : null,
        });
      }
    }
    const created = await prompts.insertNextVersion(tx, data);
    await recordAudit(tx, caller, {
      action: "prompt.create",
      targetType: "prompt",
      targetId: created.id,
      after: auditView(created),
    });
    return created;
  });
  return toPromptDto(row);
}

/** Changes name, description or is_active in place; content changes are refused with 409. */
export async function updatePrompt(caller: Caller, id: string, input: unknown): Promise<PromptDto> {
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
    const before = await prompts.findById(tx, id);
    if (!before) throw new AppError("not_found", `No prompt with id ${id}`);
    const after = await prompts.updateMeta(tx, id, patch);
    const action =
      before.isActive === after.isActive ? "prompt.update" : after.isActive ? "prompt.activate" : "prompt.deactivate";
    await recordAudit(tx, caller, {
      action,
      targetType: "prompt",
      targetId: id,
      before: metaView(before),
      after: metaView(after),
    });
    return after;
  });
  return toPromptDto(row);
}

export interface RollbackResult {
  phase: Phase;
  servingVersion: number;
  activated: boolean;
  deactivated: PromptDto[];
}

/**
 * Rolls a phase back to `toVersion`: deactivates every active version above it and activates it if it
 * was inactive, in one transaction under the phase lock (so a concurrent save cannot slip in between).
 */
export async function rollbackPhase(caller: Caller, phase: Phase, input: unknown): Promise<RollbackResult> {
  authorize(caller, "prompts:write");
  const { toVersion } = parseInput(rollbackSchema, input);
  return inTransaction(async (tx) => {
    await prompts.lockPhase(tx, phase);
    const target = await prompts.findByPhaseVersion(tx, phase, toVersion);
    if (!target)
      throw new AppError("version_not_found", `${phase} has no version ${toVersion}`, { phase, version: toVersion });
    const servingBefore = (await prompts.findServing(tx, { phase }))?.version ?? null;
    const deactivated = await prompts.deactivateAbove(tx, phase, toVersion);
    if (!target.isActive) await prompts.updateMeta(tx, target.id, { isActive: true });
    await recordAudit(tx, caller, {
      action: "phase.rollback",
      targetType: "phase",
      targetId: phase,
      before: { servingVersion: servingBefore },
      after: {
        servingVersion: toVersion,
        activated: !target.isActive,
        deactivatedVersions: deactivated.map((p) => p.version),
      },
    });
    return { phase, servingVersion: toVersion, activated: !target.isActive, deactivated: deactivated.map(toPromptDto) };
  });
}

// Audit rows keep what identifies a version and what changed, not a copy of 14 KB bodies.
function auditView(p: PromptRow) {
  return { phase: p.coachingPhase, version: p.version, promptType: p.promptType, isActive: p.isActive, name: p.name };
}
function metaView(p: PromptRow) {
  return { name: p.name, description: p.description, isActive: p.isActive };
}
