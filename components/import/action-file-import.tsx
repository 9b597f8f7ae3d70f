"use client";

import { useState } from "react";
import type { ActionImportReport } from "@/lib/domain/schemas/action-import";
import styles from "./import.module.css";

const STATUS = { new_version: "new version", unchanged: "unchanged", blocked: "blocked" } as const;

export async function postActionImport(data: unknown, source: string, dryRun: boolean): Promise<ActionImportReport> {
  const res = await fetch("/api/import", {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ data, source, dryRun }),
  });
  const body = (await res.json()) as ActionImportReport & {
    error?: { message: string; details?: { report?: ActionImportReport } };
  };
  if (res.ok) return body;
  if (body.error?.details?.report) return body.error.details.report;
  throw new Error(body.error?.message ?? `HTTP ${res.status}`);
}

/**
 * An action file (the old system's dev-coach-actions.json): a dry-run report per action first, then
 * an explicit import that adds each changed wording as a new active version.
 */
export function ActionFileImport({
  file,
  dryRun,
}: {
  file: { name: string; data: unknown };
  /** The dry run's report, made when the file was chosen. */
  dryRun: ActionImportReport;
}) {
  const [report, setReport] = useState<ActionImportReport>(dryRun);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const run = async (dryRun: boolean) => {
    setBusy(true);
    setError(null);
    try {
      setReport(await postActionImport(file.data, file.name, dryRun));
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <section aria-label="Action file report">
      <h3>Action file: {file.name}</h3>
      {error && (
        <p className={`${styles.message} ${styles.failure}`} role="alert">
          {error}
        </p>
      )}
      {report && (
        <>
          <p role="status" className={report.applied ? `${styles.message} ${styles.success}` : undefined}>
            {report.applied
              ? `Imported ${report.counts.new_version} action wordings as new active versions.`
              : `Dry run: ${report.counts.new_version} new versions, ${report.counts.unchanged} unchanged, ${report.counts.blocked} blocked. Nothing written yet.`}
          </p>
          <table>
            <thead>
              <tr>
                <th scope="col">Action</th>
                <th scope="col">Result</th>
                <th scope="col">Instruction</th>
              </tr>
            </thead>
            <tbody>
              {report.actions.map((a) => (
                <tr key={a.row}>
                  <td>
                    <code>{a.actionType}</code>
                  </td>
                  <td>
                    {STATUS[a.status]}
                    {a.version ? ` v${a.version}` : ""}
                    {a.problems.map((p) => (
                      <div key={p.code} className={styles.failure}>
                        {p.message}
                      </div>
                    ))}
                  </td>
                  <td>{a.instruction}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {!report.applied && (
            <button
              type="button"
              className="primary"
              disabled={busy || !report.canApply || report.counts.new_version === 0}
              onClick={() => void run(false)}
            >
              Import {report.counts.new_version} action wordings
            </button>
          )}
        </>
      )}
    </section>
  );
}
