"use client";

import { DiffEditor } from "@monaco-editor/react";
import { useState } from "react";
// Side-effect import first: it points @monaco-editor/react at the bundled Monaco (never the CDN).
import "./monaco-setup";
import type { monaco } from "./monaco-setup";
import { registerTemplateLanguage, TEMPLATE_LANGUAGE, TEMPLATE_THEME, type KeyInfo } from "./template-language";

export interface BodyDiffProps {
  original: string;
  modified: string;
  originalLabel: string;
  modifiedLabel: string;
  keys: readonly KeyInfo[];
  /** Fixed height; by default sized to the longer body (wrapped lines may scroll). */
  height?: number;
}

const lineCount = (text: string) => text.split("\n").length;

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
  const fitted = height ?? Math.min(640, Math.max(160, 22 * Math.max(lineCount(original), lineCount(modified)) + 60));
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
          height={fitted}
          original={original}
          modified={modified}
          language={TEMPLATE_LANGUAGE}
          theme={TEMPLATE_THEME}
          beforeMount={(m) => registerTemplateLanguage(m as unknown as typeof monaco, keys)}
          onMount={(diff) => {
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
            minimap: { enabled: false },
            scrollBeyondLastLine: false,
            automaticLayout: true,
            fontSize: 14,
            ariaLabel: `Changes from ${originalLabel} to ${modifiedLabel}`,
            originalAriaLabel: originalLabel,
            modifiedAriaLabel: modifiedLabel,
          }}
        />
      </div>
    </div>
  );
}
