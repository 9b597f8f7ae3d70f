"use client";

import { useState } from "react";
import type { ImportProblem, ImportReport } from "@/lib/domain/schemas/import";
import styles from "./import.module.css";

const PAGE = 200;

/** Counts, then every row with something to say (or all rows), each with its problems by field and position. */
export function ImportReportView({ report }: { report: ImportReport }) {
  const [all, setAll] = useState(false);
  const [shown, setShown] = useState(PAGE);
  const rows = all
    ? report.rows
    : report.rows.filter((r) => r.problems.length > 0 || (r.status !== "new" && r.status !== "identical"));
  const c = report.counts;
  return (
    <div>
      <div className={styles.counts} aria-label="Row counts">
        <span className={styles.chip}>
          {report.total} rows ({report.format})
        </span>
        <span className={`${styles.chip} ${styles.new}`}>{c.new} new</span>
        <span className={`${styles.chip} ${styles.identical}`}>{c.identical} identical</span>
        <span className={`${styles.chip} ${styles.conflict}`}>{c.conflict} conflict</span>
        <span className={`${styles.chip} ${styles.blocked}`}>{c.blocked} blocked</span>
        <span className={`${styles.chip} ${styles.skipped}`}>{c.skipped} skipped</span>
      </div>
      {report.problems.length > 0 && (
        <ul className={styles.problems} aria-label="Problems with the decisions">
          {report.problems.map((p, i) => (
            <ProblemItem key={i} problem={p} />
          ))}
        </ul>
      )}
      <label className={styles.field} style={{ flexDirection: "row", alignItems: "center" }}>
        <input type="checkbox" checked={all} onChange={(e) => setAll(e.target.checked)} /> Show every row, not only rows
        with findings
      </label>
      <table className={styles.table} aria-label="Rows">
        <thead>
          <tr>
            <th scope="col">Row</th>
            <th scope="col">Version</th>
            <th scope="col">Status</th>
            <th scope="col">Findings</th>
          </tr>
        </thead>
        <tbody>
          {rows.slice(0, shown).map((r) => (
            <tr key={r.row}>
              <td>{r.row}</td>
              <td>
                {r.coachingPhase ?? "(no phase)"} v{r.version ?? "?"}
                {r.isActive === false && <span className="muted"> · inactive</span>}
              </td>
              <td>
                <span className={`${styles.status} ${styles[r.status]}`}>{r.status}</span>
              </td>
              <td>
                <ul className={styles.problems}>
                  {r.problems.map((p, i) => (
                    <ProblemItem key={i} problem={p} />
                  ))}
                </ul>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {rows.length > shown && (
        <p>
          <button
            type="button"
            className={`${styles.button} ${styles.secondary}`}
            onClick={() => setShown(shown + PAGE)}
          >
            Show {Math.min(PAGE, rows.length - shown)} more of {rows.length - shown}
          </button>
        </p>
      )}
    </div>
  );
}

function ProblemItem({ problem: p }: { problem: ImportProblem }) {
  const where = [p.field, p.line !== null ? `${p.line}:${p.column}` : null].filter(Boolean).join(" ");
  return (
    <li>
      <span className={`${styles.status} ${styles[p.severity]}`}>{p.severity}</span>{" "}
      {where && <span className={styles.where}>{where}</span>}
      {p.message}
    </li>
  );
}
