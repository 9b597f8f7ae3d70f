"use client";

import { useCallback, useDeferredValue, useEffect, useMemo, useRef, useState, type ReactNode } from "react";
import { defaultPromptType, type Phase } from "@/lib/domain/catalog";
import { lintTemplate, parseTemplate } from "@/lib/domain/template";
import type { PromptResponse } from "@/lib/domain/schemas/responses";
import { LiveChecks } from "@/components/checks/live-checks";
import { PreviewPanel } from "@/components/preview/preview-panel";
import type { SampleDto } from "@/components/preview/sample-controls";
import { ActionStatus } from "@/components/ui/action-status";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { TokenCounts } from "@/components/tokens/token-counts";
import { ChangeNoteField } from "./change-note-field";
import { EditorStart } from "./editor-start";
import { ReleaseBar } from "./release-bar";
import { LintProblems } from "./lint-problems";
import { MetadataFields, type EditorCatalog } from "./metadata-fields";
import { SaveConflictDialog } from "./save-conflict-dialog";
import { TemplateEditor, type TemplateEditorHandle } from "./template-editor";
import { usePromptDraft, type DraftFields } from "./use-prompt-draft";
import { useSaveVersion } from "./use-save-version";
import { useUnsavedGuard } from "./use-unsaved-guard";

interface Props {
  phase: Phase | null;
  slug: string;
  base: PromptResponse | null;
  latestVersion: number | null;
  /** What production serves now (the highest serving version), if anything. */
  productionVersion: number | null;
  /** What the staging channel serves now (null: production). */
  stagingVersion: number | null;
  explicitBase: boolean;
  catalog: EditorCatalog;
  samples: SampleDto[];
  savedVersion?: number;
  /** Server-rendered version list, shown beside the editor. */
  side: ReactNode;
}

function initialFields(phase: Phase | null, base: PromptResponse | null): DraftFields {
  return {
    name: base?.name ?? "",
    description: base?.description ?? "",
    promptType: base?.promptType ?? defaultPromptType(phase),
    requiredContextKeys: base?.requiredContextKeys ?? [],
    allowedActions: base?.allowedActions ?? [],
    body: base?.body ?? "",
  };
}

/** The designer's editor: content fields, Monaco with live lint, save as a new version, draft preview. */
export function PromptEditor({
  phase,
  slug,
  base,
  latestVersion,
  productionVersion,
  stagingVersion,
  explicitBase,
  catalog,
  samples,
  savedVersion,
  side,
}: Props) {
  const initial = useMemo(() => initialFields(phase, base), [phase, base]);
  const draft = usePromptDraft(
    slug,
    { baseVersion: base?.version ?? null, latestAtStart: latestVersion, explicitBase },
    initial,
  );
  const { fields, update, dirty } = draft;
  const saver = useSaveVersion(phase, slug);
  const guard = useUnsavedGuard(dirty);
  const editorRef = useRef<TemplateEditorHandle | null>(null);
  // Discarding wipes the stored draft for good, so it asks first.
  const [confirmDiscard, setConfirmDiscard] = useState(false);

  const deferredBody = useDeferredValue(fields.body);
  const findings = useMemo(
    () => lintTemplate(deferredBody, fields.requiredContextKeys),
    [deferredBody, fields.requiredContextKeys],
  );
  const previewKeys = useMemo(() => {
    const parsed = parseTemplate(fields.body);
    return [...new Set([...fields.requiredContextKeys, ...(parsed.ok ? parsed.keys : [])])];
  }, [fields.body, fields.requiredContextKeys]);

  const [changeNote, setChangeNote] = useState("");
  const save = useCallback(
    (expected: number | null) => saver.save(fields, changeNote, expected, draft.clearStored),
    [saver, fields, changeNote, draft.clearStored],
  );

  // Ctrl/Cmd+S saves from anywhere on the page (Monaco included) instead of the browser's "save page".
  const saveRef = useRef(() => {});
  useEffect(() => {
    saveRef.current = () => void save(draft.latestAtStart);
  }, [save, draft.latestAtStart]);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === "s") {
        e.preventDefault();
        saveRef.current();
      }
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, []);

  return (
    <div className="editor-layout">
      <form
        className="editor-main card"
        aria-label="Prompt editor"
        onSubmit={(e) => {
          e.preventDefault();
          void save(draft.latestAtStart);
        }}
      >
        <div className="editor-status">
          <EditorStart
            slug={slug}
            baseVersion={draft.baseVersion}
            productionVersion={productionVersion}
            latestVersion={latestVersion}
            explicitBase={explicitBase}
          />
          {dirty ? <span className="badge warn">Unsaved changes</span> : <span className="badge">No changes</span>}
          {savedVersion !== undefined && !dirty && (
            <span role="status" className="status ok">
              Saved as version {savedVersion}.
            </span>
          )}
        </div>
        {draft.restoredAt && (
          <p className="notice" role="status">
            Restored your unsaved changes from {draft.restoredAt.slice(0, 16).replace("T", " ")} UTC.{" "}
            <button type="button" className="link-button" onClick={() => setConfirmDiscard(true)}>
              Discard them
            </button>
          </p>
        )}
        <MetadataFields fields={fields} update={update} catalog={catalog} issues={saver.issues} />
        <div className="body-field">
          <span className="field-label" id="body-label">
            Body
          </span>
          <span className="hint">
            {" "}
            Type <kbd>{"{"}</kbd> for context keys; <kbd>{"{{"}</kbd> and <kbd>{"}}"}</kbd> are literal braces.{" "}
            <kbd>Ctrl</kbd>+<kbd>M</kbd> lets <kbd>Tab</kbd> move focus out of the editor.
          </span>
          <TemplateEditor
            value={fields.body}
            revision={draft.revision}
            onChange={(v) => update("body", v)}
            findings={findings}
            keys={catalog.contextKeys}
            label="Prompt body template"
            path={`${slug}/draft.pmt`}
            onReady={(h) => {
              editorRef.current = h;
            }}
          />
          {saver.issues.body && <span className="error">{saver.issues.body}</span>}
          <TokenCounts sections={[{ label: "Body (before filling in)", text: deferredBody }]} />
        </div>
        {/* Docked to the bottom of the viewport: problems and Save stay in sight while the body scrolls. */}
        <div className="editor-dock">
          <LintProblems findings={findings} onSelect={(f) => editorRef.current?.reveal(f.line, f.column)} />
          <ChangeNoteField value={changeNote} onChange={setChangeNote} issue={saver.issues.changeNote} />
          <div className="form-actions">
            <button type="submit" className="primary" disabled={saver.saving || !dirty} aria-keyshortcuts="Control+S">
              {saver.saving ? "Saving…" : "Save as new version"}
            </button>
            <button type="button" onClick={() => setConfirmDiscard(true)} disabled={!dirty || saver.saving}>
              Discard changes
            </button>
            <span className="hint">
              Ctrl+S saves · a saved version is a draft: nothing reaches production until it is released
            </span>
          </div>
          <ActionStatus status={saver.status} />
          <ReleaseBar
            phaseParam={slug}
            phase={phase}
            promptType={base?.promptType ?? fields.promptType}
            version={draft.baseVersion}
            productionVersion={productionVersion}
            stagingVersion={stagingVersion}
            dirty={dirty}
          />
        </div>
      </form>
      <aside className="editor-side" aria-label="Versions and preview">
        {side}
        <div className="card">
          <PreviewPanel
            phase={phase}
            fieldKeys={previewKeys}
            keyInfo={catalog.contextKeys}
            samples={samples}
            version={draft.baseVersion ?? undefined}
            promptType={phase === null ? base?.promptType : undefined}
            getDraft={() => ({
              body: fields.body,
              requiredContextKeys: fields.requiredContextKeys,
              allowedActions: fields.allowedActions,
            })}
          />
        </div>
        <div className="card">
          <LiveChecks
            baseId={base?.id ?? null}
            draft={{
              body: deferredBody,
              requiredContextKeys: fields.requiredContextKeys,
              allowedActions: fields.allowedActions,
            }}
          />
        </div>
      </aside>
      <SaveConflictDialog
        latest={saver.conflict}
        latestAtStart={draft.latestAtStart}
        draft={fields}
        keys={catalog.contextKeys}
        saving={saver.saving}
        onSaveAnyway={() => saver.conflict && void save(saver.conflict.version)}
        onKeepEditing={saver.dismissConflict}
      />
      <ConfirmDialog
        open={confirmDiscard}
        title="Discard your changes?"
        confirmLabel="Discard changes"
        cancelLabel="Keep my changes"
        tone="danger"
        onConfirm={() => {
          setConfirmDiscard(false);
          draft.discard();
        }}
        onCancel={() => setConfirmDiscard(false)}
      >
        <p>
          The editor goes back to the version you opened and the draft kept in this browser is deleted. Ctrl+Z in the
          body can still bring the text back until you leave the page.
        </p>
      </ConfirmDialog>
      <ConfirmDialog
        open={guard.pendingHref !== null}
        title="Leave without saving?"
        confirmLabel="Leave"
        cancelLabel="Stay and keep editing"
        tone="danger"
        onConfirm={guard.leave}
        onCancel={guard.stay}
      >
        <p>
          Your changes are not saved as a version. They stay in this browser as a draft and come back when you open this
          phase again.
        </p>
      </ConfirmDialog>
    </div>
  );
}
