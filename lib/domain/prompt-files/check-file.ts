import { importOptionsSchema, type ImportOptions } from "../schemas/import";
import { checkRow } from "./check-row";
import { resolveOptions } from "./import-options";
import { planImport, type ExistingPrompt, type ImportPlan } from "./plan-import";
import { readPromptFile } from "./read-file";

/**
 * A whole dry run in one synchronous call, against the given stored versions. The import service
 * does the same steps in slices (so it can report progress); scripts and tests use this.
 */
export function planFileImport(
  data: unknown,
  options: Partial<ImportOptions> = {},
  database: { existing?: readonly ExistingPrompt[]; productionByScope?: ReadonlyMap<string, number> } = {},
): ImportPlan {
  const file = readPromptFile(data);
  const { resolved, problems } = resolveOptions(importOptionsSchema.parse(options));
  const checked = file.rows.map((raw, i) => checkRow(raw, i + 1, file.format, resolved));
  return planImport({
    format: file.format,
    dryRun: true,
    checked,
    options: resolved,
    optionProblems: problems,
    existing: database.existing ?? [],
    productionByScope: database.productionByScope ?? new Map(),
  });
}
