"use client";

import { DiffEditor, type DiffEditorProps } from "@monaco-editor/react";
import { useEffect, useRef, useState } from "react";
// Side-effect import first: it points @monaco-editor/react at the bundled Monaco (never the CDN).
import "./monaco-setup";
import type { monaco } from "./monaco-setup";
import {
  registerTemplateLanguage,
  TEMPLATE_LANGUAGE,
  TEMPLATE_THEME,
  TEMPLATE_VIEW_OPTIONS,
  type KeyInfo,
} from "./template-language";

export interface BodyDiffProps {
  original: string;
  modified: string;
  originalLabel: string;
  modifiedLabel: string;
  keys: readonly KeyInfo[];
  /** Fixed height; by default sized to the taller side's content, at most the viewport. */
  height?: number;
}

type DiffInstance = Parameters<NonNullable<DiffEditorProps["onMount"]>>[0];
const lineCount = (text: string) => text.split("\n").length;
/** Tall enough for the content as Monaco lays it out (wrapped lines included), never past the viewport. */
function fitHeight(diff: DiffInstance): number {
  const content = Math.max(diff.getOriginalEditor().getContentHeight(), diff.getModifiedEditor().getContentHeight());
  const viewport = Math.max(240, window.innerHeight - 140);
  return Math.min(viewport, Math.max(120, content + 4));
}

/** Monaco's diff editor over two bodies (read-only), side by side or inline. Client-only. */
export default function BodyDiffImpl({
  original,
  modified,
  originalLabel,
  modifiedLabel,
  keys,
  height,
}: BodyDiffProps) {
  const [inline, setInline] = useState(false);
  // A first guess from the line count until Monaco reports the laid-out height.
  const [fitted, setFitted] = useState(() =>
    Math.min(640, Math.max(120, 20 * Math.max(lineCount(original), lineCount(modified)) + 24)),
  );
  const models = useRef<{ original: { dispose(): void }; modified: { dispose(): void } } | null>(null);
  // @monaco-editor/react disposes the models before the diff editor, which Monaco reports as
  // "TextModel got disposed before DiffEditorWidget model got reset" (e.g. "Keep editing" in the save
  // conflict dialog). It keeps them (keepCurrent*Model); we dispose them after the widget is gone.
  useEffect(
    () => () => {
      const held = models.current;
      if (held) setTimeout(() => (held.original.dispose(), held.modified.dispose()));
    },
    [],
  );
  return (
    <div className="body-diff">
      <div className="body-diff-bar">
        <span>
          <span className="diff-swatch removed" aria-hidden /> {originalLabel}
        </span>
        <span>
          <span className="diff-swatch added" aria-hidden /> {modifiedLabel}
        </span>
        <label className="inline-check">
          <input type="checkbox" checked={inline} onChange={(e) => setInline(e.target.checked)} /> Inline view
        </label>
      </div>
      <div className="editor-frame">
        <DiffEditor
          height={height ?? fitted}
          keepCurrentOriginalModel
          keepCurrentModifiedModel
          original={original}
          modified={modified}
          language={TEMPLATE_LANGUAGE}
          theme={TEMPLATE_THEME}
          beforeMount={(m) => registerTemplateLanguage(m as unknown as typeof monaco, keys)}
          onMount={(diff) => {
            const model = diff.getModel();
            if (model) models.current = model;
            const fit = () => setFitted(fitHeight(diff));
            diff.getOriginalEditor().onDidContentSizeChange(fit);
            diff.getModifiedEditor().onDidContentSizeChange(fit);
            fit();
            // Monaco 0.57 drops originalAriaLabel/modifiedAriaLabel at creation (empty aria-label on both
            // sides); setting them on the inner editors names them for screen readers.
            diff.getOriginalEditor().updateOptions({ ariaLabel: `${originalLabel} (read-only)` });
            diff.getModifiedEditor().updateOptions({ ariaLabel: `${modifiedLabel} (read-only)` });
          }}
          loading={
            <div className="editor-loading" role="status">
              Loading diff…
            </div>
          }
          options={{
            readOnly: true,
            originalEditable: false,
            renderSideBySide: !inline,
            useInlineViewWhenSpaceIsLimited: false,
            wordWrap: "on",
            diffWordWrap: "on",
            ...TEMPLATE_VIEW_OPTIONS,
            minimap: { enabled: false },
            scrollBeyondLastLine: false,
            automaticLayout: true,
            ariaLabel: `Changes from ${originalLabel} to ${modifiedLabel}`,
            originalAriaLabel: originalLabel,
            modifiedAriaLabel: modifiedLabel,
          }}
        />
      </div>
    </div>
  );
}
