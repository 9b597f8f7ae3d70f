import type { CheckFailure, CheckRun } from "@/lib/domain/schemas/checks";
import type { SampleComparison } from "@/lib/domain/schemas/release";
import type { KeyInfo } from "@/components/editor/template-language";
import { SampleOutputDiff } from "./sample-output-diff";

interface Props {
  checks: CheckRun;
  samples: readonly SampleComparison[];
  /** What production serves now (the comparison's left side), and the release's target. */
  productionVersion: number | null;
  targetVersion: number;
  keys: readonly KeyInfo[];
}

/**
 * The target checked with every sample context of its phase: pass, or each failure in words, and
 * what the assembled prompt becomes for that sample (production now → target), one sample at a time.
 */
export function ReleaseChecks({ checks, samples, productionVersion, targetVersion, keys }: Props) {
  const failing = checks.results.filter((r) => !r.passed).length;
  const outputOf = new Map(samples.map((s) => [s.sampleId, s]));
  return (
    <>
      <p className={failing ? "error" : "ok"}>
        {checks.results.length === 0
          ? "This phase has no sample contexts, so there is nothing to check. Save samples from the preview."
          : failing
            ? `${failing} of ${checks.results.length} sample checks fail for v${targetVersion}: approving is refused until they pass (an admin may override with a comment).`
            : `All ${checks.results.length} sample checks pass for v${targetVersion}.`}
      </p>
      <ul className="sample-checks" aria-label="Checks per sample">
        {checks.results.map((r) => {
          const output = outputOf.get(r.sampleId);
          return (
            <li key={r.sampleId}>
              <h3>
                {r.sampleName}{" "}
                {r.passed ? <span className="badge ok">passes</span> : <span className="badge warn">fails</span>}
                {r.chars !== null && <span className="muted small"> {r.chars.toLocaleString("en")} characters</span>}
              </h3>
              {r.failures.length > 0 && (
                <ul className="check-failures">
                  {r.failures.map((f, i) => (
                    <li key={i}>{failureText(f)}</li>
                  ))}
                </ul>
              )}
              {output && (
                <SampleOutputDiff
                  sample={output}
                  productionVersion={productionVersion}
                  targetVersion={targetVersion}
                  keys={keys}
                />
              )}
            </li>
          );
        })}
      </ul>
    </>
  );
}

/** The service's message, plus the text found around an unwanted phrase (where it came from). */
function failureText(f: CheckFailure): string {
  return f.kind === "not_contains" && f.found ? `${f.message} (found: “${f.found}”)` : f.message;
}
