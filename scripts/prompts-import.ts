// `npm run prompts:import -- FILE [--dry-run] [--map old=new]… [--drop value]… [--invalid-templates refuse|skip|import]`
// Imports a Django dumpdata of prompts.prompt or a native export into DATABASE_URL (or the embedded
// database); an action file (the old system's dev-coach-actions.json) is recognised by its shape. Always prints the report; applies only with no row blocked. Exit 0 ok, 1 refused, 2 usage.
import { readFile } from "node:fs/promises";
import path from "node:path";
import { parseArgs } from "node:util";
import { isAppError } from "@/lib/domain/errors";
import { INVALID_TEMPLATE_POLICIES, type ImportReport, type InvalidTemplatePolicy } from "@/lib/domain/schemas/import";
import { SYSTEM_CALLER } from "@/lib/server/auth/actor";
import { db } from "@/lib/server/db/client";
import { importPrompts } from "@/lib/server/services/import-service";
import { isActionFile } from "@/lib/domain/action-files";
import type { ActionImportReport } from "@/lib/domain/schemas/action-import";
import { importActionFile } from "@/lib/server/services/action-import-service";
import { actionReportText } from "./lib/action-import-report-text";
import { openDatabase } from "./lib/database";
import { reportText } from "./lib/import-report-text";
import { progressBar } from "./lib/progress-bar";

const USAGE =
  "Usage: npm run prompts:import -- FILE [--dry-run] [--map old=new]... [--drop value]... [--invalid-templates refuse|skip|import]";

function usage(message: string): never {
  console.error(`${message}\n${USAGE}`);
  process.exit(2);
}

const { values: flags, positionals } = (() => {
  try {
    return parseArgs({
      allowPositionals: true,
      options: {
        "dry-run": { type: "boolean", default: false },
        "map": { type: "string", multiple: true, default: [] },
        "drop": { type: "string", multiple: true, default: [] },
        "invalid-templates": { type: "string", default: "refuse" },
      },
    });
  } catch (error) {
    return usage((error as Error).message);
  }
})();
if (positionals.length !== 1) usage("Give exactly one file.");
const policy = flags["invalid-templates"] as InvalidTemplatePolicy;
if (!INVALID_TEMPLATE_POLICIES.includes(policy))
  usage(`--invalid-templates must be one of ${INVALID_TEMPLATE_POLICIES.join(", ")}`);
const mappings: Record<string, string> = {};
for (const entry of flags.map) {
  const [from, to, ...rest] = entry.split("=");
  if (!from || !to || rest.length) usage(`--map takes old=new, got "${entry}"`);
  mappings[from] = to;
}

const file = positionals[0]!;
let data: unknown;
try {
  data = JSON.parse(await readFile(file, "utf8"));
} catch (error) {
  usage(`Cannot read ${file} as JSON: ${(error as Error).message}`);
}

const database = await openDatabase((line) => console.error(line));
const bar = progressBar();
let stage = "";
const started = performance.now();
let exitCode = 0;
try {
  if (isActionFile(data)) {
    const report = await importActionFile(
      { ...SYSTEM_CALLER, requestId: `cli-import-${Date.now()}` },
      { data, dryRun: flags["dry-run"], source: path.basename(file) },
    );
    console.log(actionReportText(report));
    console.log(
      report.dryRun
        ? `\nDry run: nothing written.${report.canApply ? ` Without --dry-run, ${report.counts.new_version} new versions would be activated.` : ""}`
        : `\nImported ${report.counts.new_version} action wordings as new active versions.`,
    );
    if (!report.canApply) exitCode = 1;
  } else {
    const report = await importPrompts(
      { ...SYSTEM_CALLER, requestId: `cli-import-${Date.now()}` },
      {
        data,
        dryRun: flags["dry-run"],
        source: path.basename(file),
        options: { mappings, drops: flags.drop, invalidTemplates: policy },
      },
      {
        onProgress: (p) => {
          if (p.stage !== stage) bar.reset();
          stage = p.stage;
          bar.update(p.stage === "check" ? "checking" : "inserting", p.done, p.total);
        },
      },
    );
    console.log(reportText(report));
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    console.log(
      report.dryRun
        ? `\nDry run in ${seconds} s: nothing written. ${report.canApply ? `Without --dry-run, ${report.counts.new} versions would be inserted.` : "Decide the blocked rows first."}`
        : `\nImported ${report.inserted} versions in ${seconds} s (one transaction, one prompt.import audit event).`,
    );
    if (!report.canApply) exitCode = 1;
  }
} catch (error) {
  const report = isAppError(error)
    ? (error.details as { report?: ImportReport | ActionImportReport } | null)?.report
    : undefined;
  if (report) console.log("kind" in report ? actionReportText(report) : reportText(report));
  console.error(`\n${error instanceof Error ? error.message : String(error)}`);
  exitCode = isAppError(error) && error.code === "invalid_request" ? 1 : 2;
} finally {
  await db().$disconnect();
  await database.stop();
}
process.exit(exitCode);
