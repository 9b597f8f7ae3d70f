import "server-only";
import { toWordings } from "@/lib/domain/action-instructions";
import { buildSnapshot, type Snapshot } from "@/lib/domain/snapshot";
import type { Caller } from "../auth/actor";
import { authorize } from "../auth/authorize";
import { db } from "../db/client";
import * as instructions from "../repositories/action-instruction-repository";
import * as prompts from "../repositories/prompt-repository";

/**
 * What production serves now, for `npm run prompts:snapshot` (clients fall back to it when the server
 * cannot be reached). Prompts and action wordings are read in one repeatable-read transaction, so the
 * file never mixes a prompt with wordings from before or after a concurrent change.
 */
export async function productionSnapshot(caller: Caller, now = new Date()): Promise<Snapshot> {
  authorize(caller, "prompts:read");
  const [rows, actions] = await db().$transaction(
    async (tx) => [await prompts.findAllServing(tx), await instructions.findActive(tx)] as const,
    {
      isolationLevel: "RepeatableRead",
    },
  );
  const actionVersions: Record<string, number> = {};
  for (const row of actions)
    actionVersions[row.actionType] = Math.max(actionVersions[row.actionType] ?? 0, row.version);
  return buildSnapshot({ prompts: rows, wordings: toWordings(actions), actionVersions, generatedAt: now });
}
