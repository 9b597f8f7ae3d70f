"use client";

import { useMemo, useState } from "react";
import { PromptManagerClient, PromptManagerError, type ImportProgress, type ImportReport } from "@/lib/client";
import type { ImportOptions, InvalidTemplatePolicy } from "@/lib/domain/schemas/import";
import { isActionFile } from "@/lib/domain/action-files";
import { detailsOf, importRefusedDetailsSchema } from "@/lib/domain/schemas/error-details";
import type { ActionImportReport } from "@/lib/domain/schemas/action-import";
import { ActionFileImport, postActionImport } from "./action-file-import";
import type { CatalogOptions } from "./catalog-options";
import { ProductionChanges } from "./production-changes";
import { ImportReportView } from "./import-report-view";
import { UnknownValueDecisions } from "./unknown-value-decisions";
import styles from "./import.module.css";

type Step = "idle" | "checking" | "report" | "applying" | "done";
const NO_DECISIONS: ImportOptions = { mappings: {}, drops: [], invalidTemplates: "refuse" };
const STAGE_LABEL = { check: "Checking rows", insert: "Inserting" } as const;

/**
 * Upload → report (always a dry run first) → explicit decisions → check again → import. The
 * import button is enabled only for a report of the current decisions in which no row is blocked.
 */
export function ImportWorkbench({ catalog }: { catalog: CatalogOptions }) {
  const client = useMemo(
    () =>
      new PromptManagerClient({ baseUrl: typeof window === "undefined" ? "http://localhost" : window.location.origin }),
    [],
  );
  const [file, setFile] = useState<{ name: string; data: unknown } | null>(null);
  const [actionFile, setActionFile] = useState<{ name: string; data: unknown; report: ActionImportReport } | null>(
    null,
  );
  const [options, setOptions] = useState<ImportOptions>(NO_DECISIONS);
  const [step, setStep] = useState<Step>("idle");
  const [progress, setProgress] = useState<ImportProgress | null>(null);
  const [report, setReport] = useState<ImportReport | null>(null);
  const [stale, setStale] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function run(data: unknown, name: string, chosen: ImportOptions, dryRun: boolean) {
    setStep(dryRun ? "checking" : "applying");
    setError(null);
    setProgress(null);
    try {
      const result = await client.importPrompts(
        { data, dryRun, options: chosen, source: name },
        { onProgress: setProgress },
      );
      setReport(result);
      setStale(false);
      setStep(dryRun ? "report" : "done");
    } catch (e) {
      const refused =
        e instanceof PromptManagerError ? detailsOf(importRefusedDetailsSchema, e.details)?.report : undefined;
      if (refused) setReport(refused);
      setError(e instanceof Error ? e.message : String(e));
      setStep(refused || report ? "report" : "idle");
    }
  }

  async function choose(input: HTMLInputElement) {
    const picked = input.files?.[0];
    if (!picked) return;
    setReport(null);
    setOptions(NO_DECISIONS);
    let data: unknown;
    try {
      data = JSON.parse(await picked.text());
    } catch {
      setFile(null);
      setError(`${picked.name} is not JSON`);
      return;
    }
    // Recognised by its shape: the old system's action definitions have a report of their own.
    if (isActionFile(data)) {
      setFile(null);
      setError(null);
      setActionFile(null);
      try {
        setActionFile({ name: picked.name, data, report: await postActionImport(data, picked.name, true) });
      } catch (e) {
        setError(e instanceof Error ? e.message : String(e));
      }
      return;
    }
    setActionFile(null);
    setFile({ name: picked.name, data });
    await run(data, picked.name, NO_DECISIONS, true);
  }

  const decide = (next: ImportOptions) => {
    setOptions(next);
    setStale(true);
  };
  const busy = step === "checking" || step === "applying";
  const invalidTemplates =
    report?.rows.some((r) => r.problems.some((p) => p.severity === "error" && p.line !== null)) ?? false;

  return (
    <section className={styles.panel} aria-labelledby="import-heading">
      <h2 id="import-heading">Import</h2>
      <p className="muted">
        A Django <code>dumpdata</code> of <code>prompts.prompt</code> or a native export, or the old system&apos;s
        action definitions (<code>dev-coach-actions.json</code>: their wording becomes new action instruction versions).
        You always get a report first; the import only inserts new versions, keeps their ids, versions, active flags and
        timestamps, and never overwrites.
      </p>
      <label className={styles.field}>
        Prompt file (.json)
        <input
          type="file"
          accept="application/json,.json"
          disabled={busy}
          onChange={(e) => void choose(e.currentTarget)}
        />
      </label>
      {busy && (
        <div className={styles.progress} role="status">
          <progress value={progress?.done ?? 0} max={progress?.total || 1} aria-label="Import progress" />
          <span>
            {progress
              ? `${STAGE_LABEL[progress.stage]}: ${progress.done.toLocaleString("en")} / ${progress.total.toLocaleString("en")}`
              : "Uploading…"}
          </span>
        </div>
      )}
      {actionFile && <ActionFileImport key={actionFile.name} file={actionFile} dryRun={actionFile.report} />}
      {error && (
        <p className={`${styles.message} ${styles.failure}`} role="alert">
          {error}
        </p>
      )}
      {step === "done" && report && (
        <p className={`${styles.message} ${styles.success}`} role="status">
          Imported {report.inserted} new versions ({report.counts.identical} identical and {report.counts.conflict}{" "}
          conflicting rows left as they were).
        </p>
      )}
      {report && file && (
        <>
          {report.unknownValues.length > 0 && (
            <>
              <h3>Values the catalog does not know</h3>
              <UnknownValueDecisions
                unknown={report.unknownValues}
                options={options}
                catalog={catalog}
                onChange={decide}
              />
            </>
          )}
          {(invalidTemplates || options.invalidTemplates !== "refuse") && (
            <fieldset className={styles.choices} disabled={busy || step === "done"}>
              <legend>
                Rows whose body is not a valid template (resolve answers 422 invalid_template for such a version)
              </legend>
              {(["refuse", "skip", "import"] as InvalidTemplatePolicy[]).map((policy) => (
                <label key={policy}>
                  <input
                    type="radio"
                    name="invalid-templates"
                    checked={options.invalidTemplates === policy}
                    onChange={() => decide({ ...options, invalidTemplates: policy })}
                  />{" "}
                  {policy === "refuse"
                    ? "Block the import"
                    : policy === "skip"
                      ? "Leave them out"
                      : "Import them as history"}
                </label>
              ))}
            </fieldset>
          )}
          <ProductionChanges changes={report.productionChanges} />
          {step !== "done" && (
            <div className={styles.row} style={{ margin: "12px 0" }}>
              <button
                type="button"
                className={`${styles.button} ${styles.secondary}`}
                disabled={busy || !stale}
                onClick={() => void run(file.data, file.name, options, true)}
              >
                Check again with these decisions
              </button>
              <button
                type="button"
                className={styles.button}
                disabled={busy || stale || !report.canApply || report.counts.new === 0}
                onClick={() => void run(file.data, file.name, options, false)}
              >
                Import {report.counts.new} new versions
              </button>
              {stale && <span className="muted">Decisions changed: check again before importing.</span>}
              {!stale && !report.canApply && (
                <span className="muted">Blocked rows need a decision (or a fixed file) first.</span>
              )}
            </div>
          )}
          <h3>Report for {file.name}</h3>
          <ImportReportView report={report} />
        </>
      )}
    </section>
  );
}
