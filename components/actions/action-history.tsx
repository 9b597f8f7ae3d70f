"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { setActionVersionActive } from "@/app/actions/actions";
import type { ActionInstructionDto } from "@/lib/domain/schemas/action-instructions";

/** Every version of an action's wording, newest first; designers activate or deactivate them. */
export function ActionHistory({ history, canWrite }: { history: ActionInstructionDto[]; canWrite: boolean }) {
  const router = useRouter();
  const [pending, start] = useTransition();
  const [error, setError] = useState<string | null>(null);
  const serving = history.find((v) => v.isActive)?.version;
  const toggle = (v: ActionInstructionDto) =>
    start(async () => {
      const result = await setActionVersionActive(v.id, !v.isActive);
      setError(result.ok ? null : result.error.message);
      if (result.ok) router.refresh();
    });
  return (
    <section className="card" aria-label="Versions">
      <h2>Versions</h2>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      <table>
        <thead>
          <tr>
            <th scope="col">Version</th>
            <th scope="col">Status</th>
            <th scope="col">Change note</th>
            <th scope="col">Instruction</th>
            <th scope="col">Saved</th>
            {canWrite && <th scope="col">Action</th>}
          </tr>
        </thead>
        <tbody>
          {history.map((v) => (
            <tr key={v.id}>
              <td>v{v.version}</td>
              <td>{v.version === serving ? "production" : v.isActive ? "active" : "inactive"}</td>
              <td>{v.changeNote ?? "—"}</td>
              <td>{v.instruction}</td>
              <td>{new Date(v.createdAt).toISOString().slice(0, 16).replace("T", " ")}</td>
              {canWrite && (
                <td>
                  <button type="button" disabled={pending} onClick={() => toggle(v)}>
                    {v.isActive ? `Deactivate v${v.version}` : `Activate v${v.version}`}
                  </button>
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
