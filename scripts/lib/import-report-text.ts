import type { ImportProblem, ImportReport, UnknownValue } from "@/lib/domain/schemas/import";

const KIND_LABEL: Record<UnknownValue["kind"], string> = {
  phase: "phase",
  contextKey: "context key",
  action: "action",
  promptType: "prompt type",
};
const MAX_ROWS_SHOWN = 200;

/** The import report as plain text for the terminal: summary, unknown values, then every row with something to say. */
export function reportText(report: ImportReport): string {
  const c = report.counts;
  const out = [
    `${report.format} file, ${report.total} rows: ${c.new} new, ${c.identical} identical, ${c.conflict} conflict, ${c.blocked} blocked, ${c.skipped} skipped`,
  ];
  if (report.unknownValues.length) {
    out.push("", "Values the catalog does not know:");
    for (const u of report.unknownValues) {
      const decision =
        u.resolution?.kind === "map"
          ? `mapped to ${u.resolution.to}`
          : u.resolution?.kind === "drop"
            ? "dropped"
            : `undecided: --map ${u.value}=<${KIND_LABEL[u.kind]}>${u.kind === "contextKey" || u.kind === "action" ? ` or --drop ${u.value}` : ""}`;
      out.push(
        `  ${KIND_LABEL[u.kind].padEnd(12)} ${u.value}  (row${u.rows.length > 1 ? "s" : ""} ${u.rows.join(", ")})  ${decision}`,
      );
    }
  }
  if (report.problems.length) {
    out.push("", "Options:");
    for (const p of report.problems) out.push(`  ${problemLine(p)}`);
  }
  const noteworthy = report.rows.filter(
    (r) => r.problems.length > 0 || (r.status !== "new" && r.status !== "identical"),
  );
  if (noteworthy.length) out.push("", "Rows:");
  for (const r of noteworthy.slice(0, MAX_ROWS_SHOWN)) {
    out.push(`  row ${r.row}  ${r.coachingPhase ?? "(no phase)"} v${r.version ?? "?"}  [${r.status}]`);
    for (const p of r.problems) out.push(`    ${problemLine(p)}`);
  }
  if (noteworthy.length > MAX_ROWS_SHOWN)
    out.push(`  … and ${noteworthy.length - MAX_ROWS_SHOWN} more rows with findings (the API and the UI show all)`);
  if (report.rows.some((r) => r.problems.some((p) => p.severity === "error" && p.line !== null)) && !report.applied) {
    out.push(
      "",
      "Bodies that are not valid templates block the import unless you pass --invalid-templates skip (leave them out) or import (keep them as history; resolve answers 422 invalid_template for them).",
    );
  }
  return out.join("\n");
}

function problemLine(p: ImportProblem): string {
  const where = [p.field, p.line !== null ? `${p.line}:${p.column}` : null].filter(Boolean).join(" ");
  return `${p.severity.padEnd(7)} ${where ? `${where}  ` : ""}${p.code}: ${p.message}`;
}
