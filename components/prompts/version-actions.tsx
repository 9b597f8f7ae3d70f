"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { rollBackToVersion, setVersionActive } from "@/app/prompts/actions";
import { ActionStatus, type Status } from "@/components/ui/action-status";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";

interface Props {
  id: string;
  phase: string | null;
  version: number;
  isActive: boolean;
  isServing: boolean;
  /** Active versions above this one: a rollback deactivates them. */
  activeAbove: number[];
  /** What serves after deactivating this version (null: nothing). */
  servingAfterDeactivate: number | null;
}

/** Activate/deactivate one version, or roll the phase back to it; deactivating and rolling back ask first. */
export function VersionActions({
  id,
  phase,
  version,
  isActive,
  isServing,
  activeAbove,
  servingAfterDeactivate,
}: Props) {
  const router = useRouter();
  const [confirm, setConfirm] = useState<"rollback" | "deactivate" | null>(null);
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState<Status>(null);
  // Rollback is per phase; prompts without a phase share numbering across types, so it is not offered there.
  const canRollBack = phase !== null && !isServing && (activeAbove.length > 0 || !isActive);

  const run = async (what: "rollback" | "activate" | "deactivate") => {
    setConfirm(null);
    setBusy(true);
    const res = await (
      what === "rollback" ? rollBackToVersion(phase ?? "", version) : setVersionActive(id, what === "activate")
    ).catch(() => null);
    setBusy(false);
    if (!res) return setStatus({ kind: "error", message: "Could not reach the server; nothing changed." });
    if (!res.ok) return setStatus({ kind: "error", message: res.error.message });
    setStatus({
      kind: "ok",
      message:
        what === "rollback"
          ? `Rolled back: v${version} is serving now.`
          : what === "activate"
            ? `v${version} is active.`
            : `v${version} is inactive.`,
    });
    router.refresh();
  };

  return (
    <div className="version-actions">
      <div className="button-row">
        {isActive ? (
          <button type="button" onClick={() => setConfirm("deactivate")} disabled={busy}>
            Deactivate
          </button>
        ) : (
          <button type="button" onClick={() => void run("activate")} disabled={busy}>
            Activate
          </button>
        )}
        {canRollBack && (
          <button type="button" className="danger-outline" onClick={() => setConfirm("rollback")} disabled={busy}>
            Roll back to this version
          </button>
        )}
      </div>
      <ActionStatus status={status} />
      <ConfirmDialog
        open={confirm === "rollback"}
        title={`Roll back to version ${version}?`}
        confirmLabel={`Roll back to v${version}`}
        tone="danger"
        busy={busy}
        onConfirm={() => void run("rollback")}
        onCancel={() => setConfirm(null)}
      >
        <p>Resolve will serve v{version} right away. In one step:</p>
        <ul>
          {activeAbove.length > 0 && <li>Deactivates {activeAbove.map((v) => `v${v}`).join(", ")}</li>}
          {!isActive && <li>Activates v{version}</li>}
        </ul>
        <p className="muted">Nothing is deleted: you can activate any version again later.</p>
      </ConfirmDialog>
      <ConfirmDialog
        open={confirm === "deactivate"}
        title={isServing ? `Deactivate the serving version ${version}?` : `Deactivate version ${version}?`}
        confirmLabel={`Deactivate v${version}`}
        tone="danger"
        busy={busy}
        onConfirm={() => void run("deactivate")}
        onCancel={() => setConfirm(null)}
      >
        <p>
          {!isServing
            ? `Resolve keeps serving what it serves now; v${version} cannot serve again until it is activated.`
            : servingAfterDeactivate
              ? `Resolve will serve v${servingAfterDeactivate} instead.`
              : "No version will be active: resolve answers 404 no_active_prompt for this phase until one is activated."}
        </p>
      </ConfirmDialog>
    </div>
  );
}
