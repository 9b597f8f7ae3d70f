import "server-only";
import { userIdOf } from "@/lib/domain/auth/actor";
import { isActionFile, planActionImport } from "@/lib/domain/action-files";
import { toWordings } from "@/lib/domain/action-instructions";
import { AppError } from "@/lib/domain/errors";
import { importRequestSchema } from "@/lib/domain/schemas/import";
import type { ActionImportReport } from "@/lib/domain/schemas/action-import";
import type { Caller } from "../auth/actor";
import { authorize } from "../auth/authorize";
import { db, type Db, type Tx } from "../db/client";
import { inTransaction } from "../db/errors";
import * as instructions from "../repositories/action-instruction-repository";
import { changeActivation } from "./action-instruction-service";
import { recordAudit } from "./audit";
import { parseInput } from "./parse-input";

/** Whether an import request carries an action file (the import recognises files by their shape). */
export function isActionImport(input: unknown): boolean {
  return typeof input === "object" && input !== null && isActionFile((input as { data?: unknown }).data);
}

/**
 * Imports an action file: a dry run (the default) reports, per action, whether its wording would
 * become a new version or is unchanged, and blocks actions whose params differ from the catalog.
 * Applying inserts each changed wording as the next version and activates it (through the one
 * activation function), all in one transaction with one `action_instruction.import` audit event.
 */
export async function importActionFile(caller: Caller, input: unknown): Promise<ActionImportReport> {
  authorize(caller, "prompts:write");
  const request = parseInput(importRequestSchema, input);
  if (!isActionFile(request.data)) throw new AppError("invalid_request", "Not an action file");
  const data = request.data;
  const plan = async (client: Db | Tx, dryRun: boolean) => {
    const rows = await instructions.listAll(client);
    const active = rows.filter((r) => r.isActive);
    const first = (list: typeof rows) => new Map([...list].reverse().map((r) => [r.actionType, r.version]));
    return planActionImport({
      data,
      dryRun,
      serving: toWordings(active),
      servingVersions: first(active),
      latestVersions: first(rows),
    });
  };
  if (request.dryRun) return (await plan(db(), true)).report;
  const report = await inTransaction(async (tx) => {
    const { report, toInsert } = await plan(tx, false);
    if (!report.canApply) return report;
    for (const item of toInsert) {
      const created = await instructions.insertNextVersion(tx, {
        ...item,
        changeNote: `Imported from ${request.source ?? "an action file"}`,
        createdBy: userIdOf(caller),
      });
      await changeActivation(tx, caller, created, true);
    }
    await recordAudit(tx, caller, {
      action: "action_instruction.import",
      targetType: "import",
      targetId: request.source ?? null,
      after: { format: "actions", counts: report.counts, inserted: toInsert.length },
    });
    return { ...report, applied: true };
  });
  if (!report.applied) {
    throw new AppError(
      "invalid_request",
      `Nothing imported: ${report.counts.blocked} action${report.counts.blocked === 1 ? "" : "s"} cannot be imported; see details.report`,
      { report },
    );
  }
  return report;
}
