"use client";

import type { LintFinding } from "@/lib/domain/template";

/**
 * The linter's findings as a list under the editor: readable by screen readers (markers are not)
 * and clickable to jump to the spot.
 */
export function LintProblems({
  findings,
  onSelect,
}: {
  findings: readonly LintFinding[];
  onSelect?: (f: LintFinding) => void;
}) {
  const errors = findings.filter((f) => f.severity === "error").length;
  const summary =
    findings.length === 0
      ? "No problems found"
      : `${errors} error${errors === 1 ? "" : "s"}, ${findings.length - errors} warning${findings.length - errors === 1 ? "" : "s"}`;
  return (
    <section className="problems" aria-label="Template problems">
      <p
        className={`problems-summary ${errors ? "has-errors" : findings.length ? "has-warnings" : "clean"}`}
        aria-live="polite"
      >
        {summary}
      </p>
      {findings.length > 0 && (
        <ul>
          {findings.map((f, i) => (
            <li key={`${f.code}-${f.line}-${f.column}-${i}`} className={f.severity}>
              {onSelect ? (
                <button type="button" className="link-button" onClick={() => onSelect(f)}>
                  <Finding f={f} />
                </button>
              ) : (
                <Finding f={f} />
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function Finding({ f }: { f: LintFinding }) {
  return (
    <>
      <span className="sev">{f.severity === "error" ? "Error" : "Warning"}</span>
      <span className="pos">
        Ln {f.line}, Col {f.column}
      </span>
      <span>{f.message}</span>
    </>
  );
}
