import "server-only";
import { AppError } from "@/lib/domain/errors";
import { releasePolicyInputSchema, type ReleasePolicy } from "@/lib/domain/schemas/release-policy";
import type { Caller } from "../auth/actor";
import { authorize } from "../auth/authorize";
import { db, type Db, type Tx } from "../db/client";
import { inTransaction } from "../db/errors";
import * as policies from "../repositories/release-policy-repository";
import { recordAudit } from "./audit";
import { parseInput } from "./parse-input";

function toDto(row: { requiredApprovals: number; updatedAt: Date }): ReleasePolicy {
  return { requiredApprovals: row.requiredApprovals === 0 ? 0 : 1, updatedAt: row.updatedAt.toISOString() };
}

/** Anyone who may read prompts may know the policy: the UI shows what a release will need. */
export async function getReleasePolicy(caller: Caller): Promise<ReleasePolicy> {
  authorize(caller, "prompts:read");
  return toDto(await policies.readPolicy(db()));
}

export async function setReleasePolicy(caller: Caller, input: unknown): Promise<ReleasePolicy> {
  authorize(caller, "admin");
  const { requiredApprovals } = parseInput(releasePolicyInputSchema, input);
  return inTransaction(async (tx) => {
    const before = await policies.readPolicy(tx);
    const after = await policies.writePolicy(tx, requiredApprovals);
    await recordAudit(tx, caller, {
      action: "release_policy.update",
      targetType: "release_policy",
      targetId: null,
      before: { requiredApprovals: before.requiredApprovals },
      after: { requiredApprovals: after.requiredApprovals },
    });
    return toDto(after);
  });
}

/** Whether a change of production must go through an approved release (read in the change's transaction). */
export async function approvalsRequired(tx: Tx | Db): Promise<boolean> {
  return (await policies.readPolicy(tx)).requiredApprovals > 0;
}

/** 409 for a direct production change while the policy requires approval, saying what to do instead. */
export function reviewRequired(what: string): AppError {
  return new AppError(
    "review_required",
    `${what} would change what production serves, and the release policy requires an approval: save it as a draft, then open a release (POST /api/releases {phase, version, note}) for someone else to approve. An admin may roll back at once with {toVersion, emergency: true, note}.`,
    { requiredApprovals: 1 },
  );
}
