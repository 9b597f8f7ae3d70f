import "server-only";
import { setImmediate as nextTick } from "node:timers/promises";
import type { Phase } from "@/lib/domain/catalog";
import { AppError } from "@/lib/domain/errors";
import {
  checkRow,
  planImport,
  readPromptFile,
  resolveOptions,
  scopeKey,
  type CheckedRow,
  type FileFormat,
  type ResolvedOptions,
} from "@/lib/domain/prompt-files";
import { importRequestSchema, type ImportProgress, type ImportReport } from "@/lib/domain/schemas/import";
import type { Caller } from "../auth/actor";
import { authorize, can } from "../auth/authorize";
import { db, type Db, type Tx } from "../db/client";
import { inTransaction } from "../db/errors";
import * as prompts from "../repositories/prompt-repository";
import * as transfer from "../repositories/prompt-transfer-repository";
import { recordAudit } from "./audit";
import { parseInput } from "./parse-input";
import { approvalsRequired } from "./release-policy-service";

export interface ImportHooks {
  onProgress?: (progress: ImportProgress) => void;
}

const CHECK_SLICE = 500;

/**
 * Imports a Django dump or a native export. A dry run (the default) only reports. Applying plans
 * again inside one transaction, under the lock of every phase involved (so concurrent saves cannot
 * take a version number in between), inserts the new rows and records one `prompt.import` event.
 * Nothing is written unless every row is decided: a blocked row refuses the whole import.
 */
export async function importPrompts(caller: Caller, input: unknown, hooks: ImportHooks = {}): Promise<ImportReport> {
  authorize(caller, "prompts:write");
  const request = parseInput(importRequestSchema, input);
  const file = readPromptFile(request.data);
  const { resolved, problems: optionProblems } = resolveOptions(request.options);
  const checked = await checkInSlices(file, resolved, hooks.onProgress);
  const plan = (dryRun: boolean, state: DatabaseState) =>
    planImport({ format: file.format, dryRun, checked, options: resolved, optionProblems, ...state });

  if (request.dryRun) return plan(true, await databaseState(db(), checked)).report;

  const report = await inTransaction(async (tx) => {
    for (const phase of phasesOf(checked)) await prompts.lockPhase(tx, phase);
    const { report, toInsert } = plan(false, await databaseState(tx, checked));
    if (!report.canApply) return report;
    await assertMayChangeProduction(tx, caller, report);
    const progress = (done: number) =>
      hooks.onProgress?.({ type: "progress", stage: "insert", done, total: toInsert.length });
    progress(0);
    await transfer.insertRecords(tx, toInsert, progress);
    await recordAudit(tx, caller, {
      action: "prompt.import",
      targetType: "import",
      targetId: request.source ?? null,
      after: {
        format: file.format,
        total: report.total,
        counts: report.counts,
        inserted: toInsert.length,
        options: request.options,
        productionChanges: report.productionChanges,
      },
    });
    return { ...report, applied: true, inserted: toInsert.length };
  });
  if (!report.applied) {
    const blocked = report.counts.blocked;
    const optionErrors = report.problems.filter((p) => p.severity === "error").length;
    const reasons = [
      blocked && `${blocked} row${blocked === 1 ? " needs" : "s need"} a decision or a fix`,
      optionErrors && `${optionErrors} option${optionErrors === 1 ? " is" : "s are"} invalid`,
    ]
      .filter(Boolean)
      .join(" and ");
    throw new AppError("invalid_request", `Nothing imported: ${reasons}; see details.report`, { report });
  }
  return report;
}

/** Checks rows in slices and yields to the event loop between them, so progress reaches the client. */
async function checkInSlices(
  file: { format: FileFormat; rows: unknown[] },
  options: ResolvedOptions,
  onProgress?: ImportHooks["onProgress"],
) {
  const checked: CheckedRow[] = [];
  const total = file.rows.length;
  for (let start = 0; start < total; start += CHECK_SLICE) {
    onProgress?.({ type: "progress", stage: "check", done: start, total });
    if (start > 0) await nextTick();
    const end = Math.min(start + CHECK_SLICE, total);
    for (let i = start; i < end; i++) checked.push(checkRow(file.rows[i], i + 1, file.format, options));
  }
  onProgress?.({ type: "progress", stage: "check", done: total, total });
  return checked;
}

type DatabaseState = Pick<Parameters<typeof planImport>[0], "existing" | "productionByScope">;

async function databaseState(client: Db | Tx, checked: readonly CheckedRow[]): Promise<DatabaseState> {
  const keys = checked.flatMap((c) => (c.record ? [c.record] : []));
  // One after the other: inside a transaction both run on the same connection anyway.
  const existing = await transfer.findMatching(client, keys);
  const production = await prompts.productionVersions(client);
  const productionByScope = new Map(production.map((r) => [scopeKey(r.phase, r.promptType), r.version] as const));
  return { existing, productionByScope };
}

/**
 * The release rule for imports: setting up production where there is none (the first migration from
 * the old system) is an import like any other; replacing an existing production version is a change
 * of what every conversation gets, so while releases need approval only an admin may apply it.
 */
async function assertMayChangeProduction(tx: Tx, caller: Caller, report: ImportReport): Promise<void> {
  const changed = report.productionChanges.filter((c) => c.from !== null);
  if (changed.length === 0 || can(caller.actor, "admin") || !(await approvalsRequired(tx))) return;
  const list = changed.map((c) => `${c.phase ?? c.promptType} v${c.from} → v${c.to}`).join(", ");
  throw new AppError(
    "forbidden",
    `This import changes production (${list}): an admin must apply it, or import those versions inactive and request releases`,
    { report },
  );
}

/** Phases of the readable rows in a fixed order, so two imports lock them without deadlocking. */
function phasesOf(checked: readonly CheckedRow[]): (Phase | null)[] {
  const phases = new Set(checked.flatMap((c) => (c.record ? [c.record.coachingPhase] : [])));
  return [...phases].sort((a, b) => (a ?? "").localeCompare(b ?? ""));
}
