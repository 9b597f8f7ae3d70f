import "server-only";
import type { Phase } from "@/lib/domain/catalog";
import { AppError } from "@/lib/domain/errors";
import { rollbackSchema } from "@/lib/domain/schemas/prompt";
import type { Caller } from "../auth/actor";
import { authorize } from "../auth/authorize";
import { inTransaction } from "../db/errors";
import * as prompts from "../repositories/prompt-repository";
import { recordAudit } from "./audit";
import { parseInput } from "./parse-input";
import { lockScope, makeProduction, productionView } from "./production-change";
import type { RollbackResponse } from "@/lib/domain/schemas/responses";
import { promptAnswer, toPromptDto } from "./prompt-dto";
import { approvalsRequired, reviewRequired } from "./release-policy-service";

/**
 * Rolls a phase back to `toVersion`: deactivates every active version above it and activates it if it
 * was inactive, in one transaction under the phase lock (so a concurrent save cannot slip in between).
 * A plain rollback needs a policy without required approvals; an admin's emergency rollback does not.
 */
export async function rollbackPhase(caller: Caller, phase: Phase, input: unknown): Promise<RollbackResponse> {
  authorize(caller, "prompts:write");
  const { toVersion, emergency, note } = parseInput(rollbackSchema, input);
  if (emergency) authorize(caller, "admin");
  return inTransaction(async (tx) => {
    await lockScope(tx, { phase, promptType: null });
    const target = await prompts.findByPhaseVersion(tx, phase, toVersion);
    if (!target)
      throw new AppError("version_not_found", `${phase} has no version ${toVersion}`, { phase, version: toVersion });
    if (!emergency && (await approvalsRequired(tx))) throw reviewRequired(`Rolling ${phase} back to v${toVersion}`);
    const change = await makeProduction(tx, target);
    await recordAudit(tx, caller, {
      action: emergency ? "phase.emergency_rollback" : "phase.rollback",
      targetType: "phase",
      targetId: phase,
      before: { servingVersion: change.before?.version ?? null },
      after: {
        phase,
        version: toVersion,
        servingVersion: toVersion,
        activated: change.activated !== null,
        ...productionView(change),
        ...(emergency ? { emergency: true, note } : {}),
      },
    });
    return {
      phase,
      servingVersion: toVersion,
      activated: change.activated !== null,
      deactivated: change.deactivated.map((r) => promptAnswer(caller, toPromptDto(r))),
      emergency,
    };
  });
}
