"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { emergencyRollback } from "@/app/prompts/emergency-actions";
import { ActionStatus, type Status } from "@/components/ui/action-status";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { RequiredNoteField } from "@/components/ui/required-note-field";

interface Props {
  phase: string;
  version: number;
  /** Active versions above this one: the rollback takes them out of production. */
  activeAbove: number[];
}

/**
 * Admins only (the page hides it from others, the service refuses them): roll production back to this
 * version now, skipping review, with a note saying why. Everyone sees it marked as an emergency.
 */
export function EmergencyRollback({ phase, version, activeAbove }: Props) {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [note, setNote] = useState("");
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState<Status>(null);
  const [noteMissing, setNoteMissing] = useState(false);

  const run = async () => {
    setNoteMissing(note.trim() === "");
    if (note.trim() === "") return;
    setBusy(true);
    const res = await emergencyRollback(phase, version, note).catch(() => null);
    setBusy(false);
    setOpen(false);
    if (!res) return setStatus({ kind: "error", message: "Could not reach the server; nothing changed." });
    if (!res.ok) return setStatus({ kind: "error", message: res.error.message });
    setStatus({ kind: "ok", message: `Emergency rollback done: v${version} is serving now.` });
    router.refresh();
  };

  return (
    <div className="emergency-rollback">
      <button type="button" className="danger-outline" onClick={() => setOpen(true)} disabled={busy}>
        Emergency rollback to this version
      </button>
      <ConfirmDialog
        open={open}
        title={`Emergency rollback to version ${version}?`}
        confirmLabel={`Roll back to v${version} now`}
        tone="danger"
        busy={busy}
        onConfirm={() => void run()}
        onCancel={() => setOpen(false)}
      >
        <p>
          Production serves v{version} at once, without review
          {activeAbove.length ? `, and v${activeAbove.join(", v")} stop serving` : ""}. It is recorded as an emergency
          rollback in the release history.
        </p>
        <RequiredNoteField
          label="Why it cannot wait for a release (required)"
          value={note}
          onChange={setNote}
          missingMessage={noteMissing ? "Say why this cannot wait for a release." : null}
        />
      </ConfirmDialog>
      <ActionStatus status={status} />
    </div>
  );
}
