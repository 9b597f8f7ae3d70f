import type { ActionImportReport } from "@/lib/domain/schemas/action-import";

const STATUS: Record<ActionImportReport["actions"][number]["status"], string> = {
  new_version: "new version",
  unchanged: "unchanged",
  blocked: "BLOCKED",
};

/** The action import report as text: one line per action, its problems below it, then the counts. */
export function actionReportText(report: ActionImportReport): string {
  const lines = report.actions.map((a) => {
    const version =
      a.version === null ? "" : ` v${a.version}${a.servingVersion ? ` (serving v${a.servingVersion})` : ""}`;
    const problems = a.problems.map((p) => `\n    ${p.severity}: ${p.message} [${p.code}]`).join("");
    return `  ${String(a.row).padStart(2)}  ${a.actionType.padEnd(44)} ${STATUS[a.status]}${version}${problems}`;
  });
  const { counts } = report;
  const missing = report.missing.length ? `\nNot in the file (keep their wording): ${report.missing.join(", ")}` : "";
  return (
    `Action file: ${report.actions.length} actions\n${lines.join("\n")}\n` +
    `${counts.new_version} new versions, ${counts.unchanged} unchanged, ${counts.blocked} blocked${missing}`
  );
}
