"use client";

import { useEffect, useId, useState } from "react";
import { checkDraft } from "@/app/prompts/actions";
import type { DraftContent } from "@/components/preview/preview-panel";
import type { CheckRun } from "@/lib/domain/schemas/checks";
import { CheckResults } from "./check-results";
import styles from "./checks.module.css";

/** How long typing must pause before the draft is checked again. */
const SETTLE_MS = 800;

interface Props {
  /** The saved version the draft started from (checks need its phase and type); null for a blank phase. */
  baseId: string | null;
  draft: DraftContent;
}

/**
 * The draft's checks beside the preview, re-run as the designer types: the same checks a release runs
 * before approval, so a failing sample shows up while writing, not in review.
 */
export function LiveChecks({ baseId, draft }: Props) {
  const id = useId();
  const [run, setRun] = useState<CheckRun | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [nonce, setNonce] = useState(0);
  // The editor passes its state's own arrays, so they change identity only when their content does.
  const { body, requiredContextKeys, allowedActions } = draft;

  useEffect(() => {
    if (!baseId) return;
    let cancelled = false;
    const timer = setTimeout(async () => {
      const content = { body, requiredContextKeys, allowedActions };
      const res = await checkDraft(baseId, { draft: content }).catch(() => null);
      if (cancelled) return;
      if (!res) return setError("Could not reach the server to run the checks.");
      if (!res.ok) return setError(res.error.message);
      setError(null);
      setRun(res.data);
    }, SETTLE_MS);
    return () => {
      cancelled = true;
      clearTimeout(timer);
    };
  }, [baseId, body, requiredContextKeys, allowedActions, nonce]);

  return (
    <section aria-labelledby={`${id}-h`}>
      <div className={styles.heading}>
        <h2 id={`${id}-h`}>Checks on this draft</h2>
        {baseId && (
          <button type="button" onClick={() => setNonce((n) => n + 1)}>
            Run checks again
          </button>
        )}
      </div>
      {!baseId ? (
        <p className="muted">Save a first version of this phase to check it with the phase&apos;s sample contexts.</p>
      ) : error ? (
        <p role="alert" className="error">
          {error}
        </p>
      ) : run ? (
        <CheckResults run={run} label="Draft checks" />
      ) : (
        <p className="muted">Running the checks…</p>
      )}
    </section>
  );
}
