/** Prompt files: reading and checking imports (native or the old Django dump), and writing exports. */
export { readPromptFile, MAX_IMPORT_ROWS, type FileFormat } from "./read-file";
export { checkRow, type CheckedRow } from "./check-row";
export { resolveOptions, isCatalogValue, type ResolvedOptions } from "./import-options";
export { planImport, type ExistingPrompt, type ImportPlan } from "./plan-import";
export { productionChanges, scopeKey } from "./production-changes";
export { bodyFindings } from "./body-findings";
export { djangoDocument, exportDocument, nativeDocument, sortForExport } from "./export-documents";
export { normalizeTimestamp, toDjangoTimestamp } from "./timestamps";
export { planFileImport } from "./check-file";
