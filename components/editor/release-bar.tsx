"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { setStaging } from "@/app/prompts/release-actions";
import { ActionStatus, type Status } from "@/components/ui/action-status";
import { RequestRelease } from "./request-release";

interface Props {
  /** The phase as the staging route names it (`none` for prompts without a phase). */
  phaseParam: string;
  /** The stored phase value (null: no phase) and the type of the version on screen, for a release. */
  phase: string | null;
  promptType: string;
  /** What production serves now, if anything. */
  productionVersion: number | null;
  /** The saved version the editor shows; null for a blank phase. */
  version: number | null;
  /** What the staging channel serves now (null: production). */
  stagingVersion: number | null;
  /** Unsaved changes: stage the saved version only once the draft is saved. */
  dirty: boolean;
}

/**
 * Next to Save: request a release of the saved version, or try it in the staging channel (a backend's
 * staging environment resolves with `channel: "staging"`) without review. Both act on the saved
 * version on screen, never on unsaved text.
 */
export function ReleaseBar({
  phaseParam,
  phase,
  promptType,
  version,
  productionVersion,
  stagingVersion,
  dirty,
}: Props) {
  const router = useRouter();
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState<Status>(null);
  if (version === null) return null;
  const staged = stagingVersion === version;

  const stage = async () => {
    setBusy(true);
    const res = await setStaging(phaseParam, version).catch(() => null);
    setBusy(false);
    if (!res) return setStatus({ kind: "error", message: "Could not reach the server; staging did not change." });
    if (!res.ok) return setStatus({ kind: "error", message: res.error.message });
    setStatus({ kind: "ok", message: `Staging serves v${version} now.` });
    router.refresh();
  };

  return (
    <div className="release-bar">
      <button type="button" onClick={() => void stage()} disabled={busy || dirty || staged}>
        {staged ? `v${version} is on staging` : `Set v${version} as staging`}
      </button>
      <RequestRelease
        phase={phase}
        promptType={promptType}
        version={version}
        productionVersion={productionVersion}
        dirty={dirty}
      />
      <span className="hint">
        {dirty
          ? "Save first: staging serves saved versions."
          : `Staging serves ${stagingVersion === null ? "production" : `v${stagingVersion}`}.`}
      </span>
      <ActionStatus status={status} />
    </div>
  );
}
