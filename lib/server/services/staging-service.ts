import "server-only";
import { defaultPromptType, parsePhase, type Phase, type PromptType } from "@/lib/domain/catalog";
import { AppError } from "@/lib/domain/errors";
import { clearStagingQuery, setStagingSchema, type Staging } from "@/lib/domain/schemas/staging";
import type { Caller } from "../auth/actor";
import { authorize } from "../auth/authorize";
import { db, type Tx } from "../db/client";
import { inTransaction } from "../db/errors";
import * as prompts from "../repositories/prompt-repository";
import type { PromptRow } from "../repositories/prompt-repository";
import * as staging from "../repositories/staging-repository";
import type { StagingScope } from "../repositories/staging-repository";
import { actorLabel, recordAudit } from "./audit";
import { parseInput } from "./parse-input";

/** `{phase}` of the staging routes: a phase (stored value or enum name) or `none` for phase-less prompts. */
export function parseScopePhase(value: string): Phase | null {
  if (value.toLowerCase() === "none") return null;
  const phase = parsePhase(value);
  if (!phase)
    throw new AppError("invalid_request", `Unknown coaching phase "${value}" (or "none" for prompts without one)`);
  return phase;
}

function toDto(scope: StagingScope, row: PromptRow | null): Staging {
  return { phase: scope.phase, promptType: scope.promptType, version: row?.version ?? null, promptId: row?.id ?? null };
}

function scopeName(scope: StagingScope): string {
  return scope.phase ?? `none:${scope.promptType}`;
}

/** What the staging channel of a phase (or phase-less type) serves; version null: production. */
export async function getStaging(caller: Caller, phase: Phase | null, promptType?: PromptType): Promise<Staging> {
  authorize(caller, "prompts:read");
  const scope: StagingScope = { phase, promptType: phase ? null : (promptType ?? defaultPromptType(null)) };
  return toDto(scope, await staging.findStaging(db(), scope));
}

/** Points staging at any version of the phase, active or not. Designers, no review; audited. */
export async function setStagingVersion(caller: Caller, phaseParam: string, input: unknown): Promise<Staging> {
  authorize(caller, "prompts:write");
  const phase = parseScopePhase(phaseParam);
  const { version } = parseInput(setStagingSchema, input);
  return inTransaction(async (tx) => {
    const target = await prompts.findByPhaseVersion(tx, phase, version);
    if (!target)
      throw new AppError("version_not_found", `${phase ?? "The prompts without a phase"} have no version ${version}`, {
        phase,
        version,
      });
    const scope: StagingScope = { phase, promptType: phase ? null : (target.promptType as PromptType) };
    return changeStaging(tx, caller, scope, target);
  });
}

/** Clears the staging channel: staging resolves serve production again. */
export async function clearStagingVersion(caller: Caller, phaseParam: string, query: unknown): Promise<Staging> {
  authorize(caller, "prompts:write");
  const phase = parseScopePhase(phaseParam);
  const { promptType } = parseInput(clearStagingQuery, query);
  const scope: StagingScope = { phase, promptType: phase ? null : (promptType ?? defaultPromptType(null)) };
  return inTransaction((tx) => changeStaging(tx, caller, scope, null));
}

/**
 * THE place where the staging channel changes (set or cleared), with its audit event in the same
 * transaction. Change events (prompt.changed, channel staging) come from the staging_pointers trigger
 * (migration 20261129223000_change_event_sources), so raw SQL moves send them too.
 */
export async function changeStaging(
  tx: Tx,
  caller: Caller,
  scope: StagingScope,
  target: PromptRow | null,
): Promise<Staging> {
  await prompts.lockPhase(tx, scope.phase);
  const before = await staging.findStaging(tx, scope);
  if (target) await staging.setStaging(tx, scope, target.id, actorLabel(caller));
  else await staging.clearStaging(tx, scope);
  await recordAudit(tx, caller, {
    action: target ? "staging.set" : "staging.clear",
    targetType: "staging",
    targetId: scopeName(scope),
    before: { phase: scope.phase, promptType: scope.promptType, version: before?.version ?? null },
    after: { phase: scope.phase, promptType: scope.promptType, version: target?.version ?? null },
  });
  return toDto(scope, target);
}
