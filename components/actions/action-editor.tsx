"use client";

import { useRouter } from "next/navigation";
import { useMemo, useState, useTransition } from "react";
import { saveActionVersion } from "@/app/actions/actions";
import type { ActionType } from "@/lib/domain/catalog";
import { actionsSection } from "@/lib/domain/assembly";
import type { ActionInstructionDto } from "@/lib/domain/schemas/action-instructions";

interface Props {
  actionType: ActionType;
  fieldPaths: string[];
  initial: ActionInstructionDto | null;
}

/**
 * Edits an action's wording as a new version (never in place), with a live preview of the block the
 * model reads: the same domain function resolve uses renders it, so the preview cannot drift.
 */
export function ActionEditor({ actionType, fieldPaths, initial }: Props) {
  const router = useRouter();
  const [instruction, setInstruction] = useState(initial?.instruction ?? "");
  const [descriptions, setDescriptions] = useState<Record<string, string>>(initial?.fieldDescriptions ?? {});
  const [changeNote, setChangeNote] = useState("");
  const [status, setStatus] = useState<{ ok: boolean; text: string } | null>(null);
  const [pending, start] = useTransition();
  const preview = useMemo(
    () => actionsSection([actionType], { [actionType]: { instruction, fieldDescriptions: descriptions } }, true),
    [actionType, instruction, descriptions],
  );
  const save = (activate: boolean) =>
    start(async () => {
      const result = await saveActionVersion(actionType, {
        instruction,
        fieldDescriptions: descriptions,
        changeNote: changeNote || null,
        activate,
      });
      if (!result.ok) return setStatus({ ok: false, text: result.error.message });
      setStatus({
        ok: true,
        text: `Saved v${result.data.version}${result.data.isActive ? " and activated it: production uses it now" : " (inactive)"}.`,
      });
      setChangeNote("");
      router.refresh();
    });
  return (
    <section className="card action-editor" aria-label="Edit wording">
      <div className="action-editor-form">
        <h2>New version</h2>
        <label>
          Instruction
          <textarea rows={4} value={instruction} onChange={(e) => setInstruction(e.target.value)} />
        </label>
        <fieldset>
          <legend>Field descriptions</legend>
          {fieldPaths.map((path) => (
            <label key={path}>
              <code>{path === "" ? "params" : path}</code>
              <input
                value={descriptions[path] ?? ""}
                onChange={(e) => setDescriptions({ ...descriptions, [path]: e.target.value })}
              />
            </label>
          ))}
        </fieldset>
        <label>
          Change note
          <input value={changeNote} onChange={(e) => setChangeNote(e.target.value)} />
        </label>
        <div className="button-row">
          <button type="button" disabled={pending} onClick={() => save(false)}>
            Save as new version
          </button>
          <button type="button" disabled={pending} onClick={() => save(true)}>
            Save and activate
          </button>
        </div>
        {status && (
          <p role={status.ok ? "status" : "alert"} className={status.ok ? "" : "error"}>
            {status.text}
          </p>
        )}
      </div>
      <div className="action-editor-preview">
        <h2>Preview of the actions block</h2>
        <pre aria-label="Rendered instruction block" data-testid="action-preview">
          {preview}
        </pre>
      </div>
    </section>
  );
}
