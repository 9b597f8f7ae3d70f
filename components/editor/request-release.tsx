"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { requestRelease } from "@/app/prompts/release-actions";
import { ActionStatus, type Status } from "@/components/ui/action-status";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { RequiredNoteField } from "@/components/ui/required-note-field";

interface Props {
  /** The stored phase value; null for prompts without a phase (then `promptType` picks the channel). */
  phase: string | null;
  promptType: string;
  /** The saved version on screen. */
  version: number;
  productionVersion: number | null;
  dirty: boolean;
}

/**
 * Next to Save: ask for the saved version on screen to become production. Opens the release with a
 * note and goes to its page, where a second person approves it (or, under a policy of no required
 * approvals, the requester releases it at once).
 */
export function RequestRelease({ phase, promptType, version, productionVersion, dirty }: Props) {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [note, setNote] = useState("");
  const [noteMissing, setNoteMissing] = useState(false);
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState<Status>(null);
  const inProduction = productionVersion === version;

  const submit = async () => {
    setNoteMissing(note.trim() === "");
    if (note.trim() === "") return;
    setBusy(true);
    const input = { phase, ...(phase === null ? { promptType } : {}), version, note };
    const res = await requestRelease(input).catch(() => null);
    setBusy(false);
    setOpen(false);
    if (!res) return setStatus({ kind: "error", message: "Could not reach the server; no release was opened." });
    if (!res.ok) return setStatus({ kind: "error", message: res.error.message });
    router.push(`/releases/${res.data.id}`);
  };

  return (
    <>
      <button type="button" onClick={() => setOpen(true)} disabled={busy || dirty || inProduction}>
        {inProduction ? `v${version} is in production` : `Request release of v${version}`}
      </button>
      <ConfirmDialog
        open={open}
        title={`Request release of version ${version}`}
        confirmLabel="Open release request"
        busy={busy}
        onConfirm={() => void submit()}
        onCancel={() => setOpen(false)}
      >
        <p>
          Production serves {productionVersion === null ? "nothing" : `v${productionVersion}`} now. Someone other than
          you reviews the change before it is released.
        </p>
        <RequiredNoteField
          label="Release note (required): what this release changes and why"
          value={note}
          onChange={setNote}
          missingMessage={noteMissing ? "Say what this release changes and why." : null}
        />
      </ConfirmDialog>
      <ActionStatus status={status} />
    </>
  );
}
