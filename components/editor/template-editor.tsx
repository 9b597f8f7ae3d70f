"use client";

import dynamic from "next/dynamic";
import { useState } from "react";
import type { TemplateEditorProps } from "./template-editor-impl";

export type { TemplateEditorHandle, TemplateEditorProps } from "./template-editor-impl";

// Monaco touches `window` as soon as it is imported: load it in the browser only, after the page.
const TemplateEditorImpl = dynamic<TemplateEditorProps>(() => import("./template-editor-impl"), {
  ssr: false,
  loading: () => null,
});

/**
 * The body editor. Until Monaco is up (its bundle may still be loading), the text shows as plain
 * preformatted text in Monaco's font, so a reader sees the body at once; Monaco takes its place, laid
 * out underneath while hidden, as soon as it is mounted.
 */
export function TemplateEditor(props: TemplateEditorProps) {
  const [ready, setReady] = useState(false);
  const { onReady } = props;
  return (
    <div className="editor-shell">
      {!ready && (
        <div className="editor-fallback" data-testid="body-fallback">
          <pre
            aria-label={`${props.label}: loading the editor`}
            style={{ minHeight: props.minHeight ?? 320, maxHeight: props.maxHeight ?? 640 }}
          >
            {props.value}
          </pre>
          {!props.readOnly && (
            <p className="muted" role="status">
              Loading editor…
            </p>
          )}
        </div>
      )}
      <div className={ready ? undefined : "editor-pending"} aria-hidden={ready ? undefined : true}>
        <TemplateEditorImpl
          {...props}
          onReady={(handle) => {
            setReady(true);
            onReady?.(handle);
          }}
        />
      </div>
    </div>
  );
}
