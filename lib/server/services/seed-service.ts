import "server-only";
import { DEMO_PROMPTS } from "@/prisma/seed/demo-prompts";
import { createPromptSchema } from "@/lib/domain/schemas/prompt";
import { assertServableTemplate } from "@/lib/domain/template";
import { inTransaction } from "../db/errors";
import * as prompts from "../repositories/prompt-repository";
import type { Caller } from "../auth/actor";
import { recordAudit } from "./audit";

const SEED_CALLER: Caller = { actor: { kind: "system", name: "demo seed" }, requestId: "seed" };

/** Seeds the demo prompts in one transaction; with `onlyIfEmpty` a table that has any row is left alone. */
export async function seedDemoPrompts(opts: { onlyIfEmpty: boolean }): Promise<number> {
  // The demo serves at once (a fresh install should resolve), so its versions are inserted active.
  const data = DEMO_PROMPTS.map((p) => ({ ...createPromptSchema.parse(p), isActive: true }));
  data.forEach((p) => assertServableTemplate(p.body));
  return inTransaction(async (tx) => {
    // Same lock for every phase-less key: two instances starting together seed once.
    await prompts.lockPhase(tx, null);
    if (opts.onlyIfEmpty && (await prompts.count(tx)) > 0) return 0;
    for (const p of data) {
      const row = await prompts.insertNextVersion(tx, p);
      await recordAudit(tx, SEED_CALLER, {
        action: "prompt.create",
        targetType: "prompt",
        targetId: row.id,
        after: { phase: row.coachingPhase, version: row.version, seed: "demo" },
      });
    }
    return data.length;
  });
}
