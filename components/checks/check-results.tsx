import type { CheckRun } from "@/lib/domain/schemas/checks";
import styles from "./checks.module.css";

/**
 * Check results, one row per sample context: pass, or every failure in words (missing keys, an
 * invalid template, an expectation not met with the text found). Used by the editor's live checks,
 * the version page and the release page, so a result reads the same everywhere.
 */
export function CheckResults({ run, label = "Check results" }: { run: CheckRun; label?: string }) {
  if (run.results.length === 0)
    return (
      <p className="muted">
        No sample contexts for this phase yet: save one from the preview (with expectations) and every version is
        checked with it.
      </p>
    );
  const failed = run.results.filter((r) => !r.passed).length;
  return (
    <div>
      <p className={failed ? styles.failSummary : styles.passSummary} aria-label={`${label} summary`}>
        {failed
          ? `${failed} of ${run.results.length} sample checks fail for v${run.version}`
          : `All ${run.results.length} sample checks pass for v${run.version}`}
      </p>
      <ul className={styles.results} aria-label={label}>
        {run.results.map((r) => (
          <li key={r.sampleId} className={r.passed ? styles.pass : styles.fail}>
            <span className={styles.verdict}>{r.passed ? "✓ Pass" : "✗ Fail"}</span> <strong>{r.sampleName}</strong>
            {r.chars !== null && <span className="muted"> · {r.chars.toLocaleString("en-US")} characters</span>}
            {r.failures.length > 0 && (
              <ul>
                {r.failures.map((f, i) => (
                  <li key={i}>
                    {f.message}
                    {f.kind === "not_contains" && <q className={styles.found}>{f.found}</q>}
                  </li>
                ))}
              </ul>
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}
