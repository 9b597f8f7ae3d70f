"use client";

import { useState } from "react";
import { deleteSample, saveSample } from "@/app/prompts/actions";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import type { Status } from "@/components/ui/action-status";
import type { SampleContext } from "@/lib/domain/schemas/sample-context";
import { ExpectationFields, expectationText, expectationsFromText } from "./expectation-fields";

/** A saved sample context (the domain schema's type). */
export type SampleDto = SampleContext;

interface Props {
  phase: string | null;
  samples: SampleDto[];
  selectedId: string;
  values: Record<string, string>;
  /** The provider on the form: saved with the sample, restored when it is picked. */
  provider: SampleContext["provider"];
  onSelect: (sample: SampleDto | null) => void;
  onSamplesChange: (samples: SampleDto[], selectedId: string) => void;
  onStatus: (status: Status) => void;
}

/** Pick, save (by name: same name updates) and delete the phase's shared sample contexts. */
export function SampleControls(props: Props) {
  const { phase, samples, selectedId, values, provider, onSelect, onSamplesChange, onStatus } = props;
  const selected = samples.find((s) => s.id === selectedId) ?? null;
  const [name, setName] = useState(selected?.name ?? "");
  const [expectations, setExpectations] = useState(expectationText(selected?.expectations));
  const [busy, setBusy] = useState(false);
  const [confirm, setConfirm] = useState<"overwrite" | "delete" | null>(null);

  const doSave = async () => {
    setConfirm(null);
    setBusy(true);
    const filled = Object.fromEntries(Object.entries(values).filter(([, v]) => v !== ""));
    const res = await saveSample({
      phase,
      name,
      values: filled,
      expectations: expectationsFromText(expectations),
      provider,
    }).catch(() => null);
    setBusy(false);
    if (!res) return onStatus({ kind: "error", message: "Could not reach the server; the sample was not saved." });
    if (!res.ok) return onStatus({ kind: "error", message: res.error.message });
    const others = samples.filter((s) => s.id !== res.data.sample.id);
    onSamplesChange(
      [...others, res.data.sample].sort((a, b) => a.name.localeCompare(b.name)),
      res.data.sample.id,
    );
    onStatus({
      kind: "ok",
      message: `${res.data.created ? "Saved" : "Updated"} sample “${res.data.sample.name}” for the team.`,
    });
  };

  const onSaveClick = () => {
    if (!name.trim()) return onStatus({ kind: "error", message: "Name the sample before saving it." });
    if (samples.some((s) => s.name === name.trim())) setConfirm("overwrite");
    else void doSave();
  };

  const doDelete = async () => {
    if (!selected) return;
    setConfirm(null);
    setBusy(true);
    const res = await deleteSample(selected.id).catch(() => null);
    setBusy(false);
    if (!res?.ok)
      return onStatus({
        kind: "error",
        message: res ? res.error.message : "Could not reach the server; nothing was deleted.",
      });
    onSamplesChange(
      samples.filter((s) => s.id !== selected.id),
      "",
    );
    onStatus({ kind: "ok", message: `Deleted sample “${selected.name}”.` });
  };

  return (
    <div className="sample-controls">
      <label>
        Sample context
        <select
          value={selectedId}
          onChange={(e) => {
            const next = samples.find((s) => s.id === e.target.value) ?? null;
            setName(next?.name ?? "");
            setExpectations(expectationText(next?.expectations));
            onSelect(next);
          }}
        >
          <option value="">{samples.length ? "— none (blank fields) —" : "— no saved samples yet —"}</option>
          {samples.map((s) => (
            <option key={s.id} value={s.id}>
              {s.name}
            </option>
          ))}
        </select>
      </label>
      <div className="sample-save">
        <label>
          Save these values as
          <input
            value={name}
            onChange={(e) => setName(e.target.value)}
            placeholder="e.g. New user, no notes"
            maxLength={100}
          />
        </label>
        <button type="button" onClick={onSaveClick} disabled={busy}>
          Save sample
        </button>
        {selected && (
          <button type="button" className="danger-outline" onClick={() => setConfirm("delete")} disabled={busy}>
            Delete “{selected.name}”
          </button>
        )}
      </div>
      <ExpectationFields value={expectations} onChange={setExpectations} />
      <ConfirmDialog
        open={confirm === "overwrite"}
        title={`Replace sample “${name.trim()}”?`}
        confirmLabel="Replace sample"
        onConfirm={() => void doSave()}
        onCancel={() => setConfirm(null)}
      >
        <p>
          A sample with this name already exists for this phase. Its values will be replaced by the values in the form
          for everyone.
        </p>
      </ConfirmDialog>
      <ConfirmDialog
        open={confirm === "delete"}
        title={`Delete sample “${selected?.name ?? ""}”?`}
        confirmLabel="Delete sample"
        tone="danger"
        onConfirm={() => void doDelete()}
        onCancel={() => setConfirm(null)}
      >
        <p>The sample is removed for the whole team. Its values stay in the audit log.</p>
      </ConfirmDialog>
    </div>
  );
}
