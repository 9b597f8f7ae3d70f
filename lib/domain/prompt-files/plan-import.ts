import type {
  ImportProblem,
  ImportReport,
  ImportRowReport,
  RowStatus,
  UnknownValue,
  UnknownValueKind,
} from "../schemas/import";
import type { PromptRecord } from "../schemas/prompt-files";
import type { CheckedRow } from "./check-row";
import { unusedOptionProblems, type ResolvedOptions } from "./import-options";
import { productionChanges, scopeKey } from "./production-changes";
import type { FileFormat } from "./read-file";

/** A stored version that shares an id or a phase+version with the file. */
export interface ExistingPrompt {
  id: string;
  coachingPhase: string | null;
  version: number;
  body: string;
  requiredContextKeys: string[];
  allowedActions: string[];
  promptType: string;
  name: string | null;
  description: string | null;
  isActive: boolean;
}

export interface PlanInput {
  format: FileFormat;
  dryRun: boolean;
  checked: readonly CheckedRow[];
  existing: readonly ExistingPrompt[];
  /** Production (highest active) version per scope in the database, keyed by `scopeKey`. */
  productionByScope: ReadonlyMap<string, number>;
  options: ResolvedOptions;
  optionProblems: readonly ImportProblem[];
}

export interface ImportPlan {
  report: ImportReport;
  toInsert: PromptRecord[];
}

/**
 * Decides every row: new, identical (skip), conflict (same phase+version or id, different content:
 * never overwritten), blocked (needs a decision or a fixed file) or skipped (by the invalid-template
 * policy). The import only ever inserts; it can run only when no row is blocked.
 */
export function planImport(input: PlanInput): ImportPlan {
  const byId = new Map(input.existing.map((e) => [e.id, e]));
  const byKey = new Map(input.existing.map((e) => [versionKey(e.coachingPhase, e.version), e]));
  const firstRowOfId = new Map<string, number>();
  const firstRowOfKey = new Map<string, number>();
  const toInsert: PromptRecord[] = [];
  const invalidNew: { report: ImportRowReport; record: PromptRecord }[] = [];

  const rows = input.checked.map((c): ImportRowReport => {
    const problems = [...c.problems];
    const r = c.record;
    const add = (code: string, severity: ImportProblem["severity"], message: string) =>
      problems.push({ row: c.row, field: null, code, severity, message, value: null, line: null, column: null });
    let status: RowStatus;
    if (!r) {
      status = "blocked";
    } else if (firstRowOfId.has(r.id) || firstRowOfKey.has(versionKey(r.coachingPhase, r.version))) {
      const other = firstRowOfId.get(r.id) ?? firstRowOfKey.get(versionKey(r.coachingPhase, r.version));
      add(
        "duplicate_in_file",
        "error",
        `Row ${other} already has this ${firstRowOfId.has(r.id) ? "id" : "phase and version"}`,
      );
      status = "blocked";
    } else {
      firstRowOfId.set(r.id, c.row);
      firstRowOfKey.set(versionKey(r.coachingPhase, r.version), c.row);
      const same = byKey.get(versionKey(r.coachingPhase, r.version));
      const sameId = byId.get(r.id);
      if (c.invalidTemplate && input.options.invalidTemplates !== "import") {
        status = input.options.invalidTemplates === "skip" ? "skipped" : "blocked";
      } else if (same) {
        if (sameContent(same, r)) {
          status = "identical";
          const differs = metadataDifferences(same, r);
          if (same.id !== r.id) add("different_id", "info", `Stored as id ${same.id}; the file's id is not used`);
          if (differs.length)
            add("metadata_differs", "info", `${differs.join(", ")} differ from the stored version and are not changed`);
        } else {
          status = "conflict";
          add(
            "version_conflict",
            "warning",
            `${label(r)} already exists with different content; it is never overwritten, so this row is skipped`,
          );
        }
      } else if (sameId) {
        status = "conflict";
        add("id_conflict", "warning", `The id already belongs to ${label(sameId)}; this row is skipped`);
      } else {
        status = "new";
        toInsert.push(r);
      }
    }
    const report: ImportRowReport = {
      row: c.row,
      id: c.id,
      coachingPhase: c.coachingPhase,
      version: c.version,
      isActive: c.isActive,
      status,
      problems,
    };
    if (status === "new" && c.invalidTemplate && r) invalidNew.push({ report, record: r });
    return report;
  });

  warnAboutServingInvalidTemplates(invalidNew, toInsert, input.productionByScope);
  const used = new Set(input.checked.flatMap((c) => c.usedOptions));
  const problems = [...input.optionProblems, ...unusedOptionProblems(input.options, used)];
  const counts = { new: 0, identical: 0, conflict: 0, blocked: 0, skipped: 0 };
  for (const row of rows) counts[row.status]++;
  const report: ImportReport = {
    format: input.format,
    dryRun: input.dryRun,
    applied: false,
    canApply: counts.blocked === 0 && !problems.some((p) => p.severity === "error"),
    total: rows.length,
    counts,
    inserted: 0,
    unknownValues: summarizeUnknown(input.checked, input.options),
    problems,
    rows,
    productionChanges: productionChanges(toInsert, input.productionByScope),
  };
  return { report, toInsert };
}

/**
 * An imported invalid body is harmless as history but breaks resolve (422 invalid_template) if it
 * becomes the highest active version of its phase, so the report says so for exactly those rows.
 */
function warnAboutServingInvalidTemplates(
  invalidNew: { report: ImportRowReport; record: PromptRecord }[],
  toInsert: readonly PromptRecord[],
  serving: ReadonlyMap<string, number>,
) {
  for (const { report, record } of invalidNew) {
    if (!record.isActive) continue;
    const scope = scopeKey(record.coachingPhase, record.promptType);
    const higher =
      (serving.get(scope) ?? 0) > record.version ||
      toInsert.some(
        (o) => o.isActive && scopeKey(o.coachingPhase, o.promptType) === scope && o.version > record.version,
      );
    if (higher) continue;
    report.problems.push({
      row: report.row,
      field: null,
      code: "serves_invalid_template",
      severity: "warning",
      value: null,
      line: null,
      column: null,
      message: `${label(record)} would become the serving version; resolve answers 422 invalid_template until a valid version is saved`,
    });
  }
}

function summarizeUnknown(checked: readonly CheckedRow[], options: ResolvedOptions): UnknownValue[] {
  const byValue = new Map<string, UnknownValue>();
  for (const c of checked) {
    for (const { kind, value } of c.unknown) {
      const id = `${kind}:${value}`;
      let entry = byValue.get(id);
      if (!entry) {
        const to = options.mappings.get(value);
        const resolution =
          to !== undefined ? { kind: "map" as const, to } : options.drops.has(value) ? { kind: "drop" as const } : null;
        byValue.set(id, (entry = { kind, value, rows: [], resolution }));
      }
      if (entry.rows.at(-1) !== c.row) entry.rows.push(c.row);
    }
  }
  const order: UnknownValueKind[] = ["phase", "contextKey", "action", "promptType"];
  return [...byValue.values()].sort(
    (a, b) => order.indexOf(a.kind) - order.indexOf(b.kind) || (a.value < b.value ? -1 : a.value > b.value ? 1 : 0),
  );
}

function sameContent(a: ExistingPrompt, b: PromptRecord): boolean {
  return (
    a.body === b.body &&
    a.promptType === b.promptType &&
    sameList(a.requiredContextKeys, b.requiredContextKeys) &&
    sameList(a.allowedActions, b.allowedActions)
  );
}

function metadataDifferences(a: ExistingPrompt, b: PromptRecord): string[] {
  const out: string[] = [];
  if (a.name !== b.name) out.push("name");
  if (a.description !== b.description) out.push("description");
  if (a.isActive !== b.isActive) out.push("active flag");
  return out;
}

// Order matters: the list is shown to the model in this order, so a reordering is new content.
function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

export function versionKey(phase: string | null, version: number): string {
  return `${phase ?? ""}\u0000${version}`;
}

function label(p: { coachingPhase: string | null; version: number }): string {
  return `${p.coachingPhase ?? "(no phase)"} v${p.version}`;
}
