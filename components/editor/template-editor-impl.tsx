"use client";

import { Editor, type OnMount } from "@monaco-editor/react";
import { useEffect, useRef, useState } from "react";
import type { LintFinding } from "@/lib/domain/template";
// Also configures @monaco-editor/react to use the bundled Monaco (never the CDN) before it renders.
import { monaco } from "./monaco-setup";
import {
  registerTemplateLanguage,
  TEMPLATE_LANGUAGE,
  TEMPLATE_THEME,
  TEMPLATE_VIEW_OPTIONS,
  type KeyInfo,
} from "./template-language";

export interface TemplateEditorHandle {
  reveal(line: number, column: number): void;
}

export interface TemplateEditorProps {
  /**
   * The body. Monaco owns the text while the author types (a controlled value would race fast typing:
   * a render carrying an older value could overwrite keystrokes); `value` is pushed into the editor
   * only when `revision` changes, i.e. when the parent replaces the text (restore, discard).
   */
  value: string;
  revision?: number;
  onChange?: (value: string) => void;
  findings?: readonly LintFinding[];
  keys: readonly KeyInfo[];
  readOnly?: boolean;
  label: string;
  /** A stable model path: one model per editor, so undo history survives re-renders. */
  path: string;
  /** The editor grows with its content between these heights (px), then scrolls. */
  minHeight?: number;
  maxHeight?: number;
  onReady?: (handle: TemplateEditorHandle) => void;
}

const OWNER = "pm-lint";

/** Monaco for prompt bodies, with the domain linter's findings as inline markers. Client-only. */
export default function TemplateEditorImpl(props: TemplateEditorProps) {
  const {
    value,
    revision = 0,
    onChange,
    findings,
    keys,
    readOnly,
    label,
    path,
    minHeight = 320,
    maxHeight = 640,
    onReady,
  } = props;
  const [editor, setEditor] = useState<Parameters<OnMount>[0] | null>(null);
  const [height, setHeight] = useState(minHeight);
  const onReadyRef = useRef(onReady);
  useEffect(() => {
    onReadyRef.current = onReady;
  }, [onReady]);

  const onMount: OnMount = (instance) => {
    setEditor(instance);
    const fit = () => setHeight(Math.min(maxHeight, Math.max(minHeight, instance.getContentHeight() + 2)));
    instance.onDidContentSizeChange(fit);
    fit();
    onReadyRef.current?.({
      reveal(line, column) {
        instance.revealPositionInCenter({ lineNumber: line, column });
        instance.setPosition({ lineNumber: line, column });
        instance.focus();
      },
    });
  };

  // Replace the text only on a new revision (or a read-only view of another version), never per keystroke.
  const valueRef = useRef(value);
  const shownVersion = readOnly ? value : null;
  useEffect(() => {
    valueRef.current = value;
  }, [value]);
  useEffect(() => {
    const model = editor?.getModel();
    if (model && model.getValue() !== valueRef.current) {
      // An undoable edit, so Ctrl+Z brings back what a restore or discard replaced.
      editor?.executeEdits("pm-replace", [{ range: model.getFullModelRange(), text: valueRef.current }]);
    }
  }, [editor, revision, shownVersion]);

  useEffect(() => {
    const model = editor?.getModel();
    if (!model) return;
    monaco.editor.setModelMarkers(
      model,
      OWNER,
      (findings ?? []).map((f) => ({
        severity: f.severity === "error" ? monaco.MarkerSeverity.Error : monaco.MarkerSeverity.Warning,
        message: f.message,
        code: f.code,
        startLineNumber: f.line,
        startColumn: f.column,
        endLineNumber: f.endLine,
        // A zero-width finding (a required key never placed) still needs a visible squiggle.
        endColumn: f.endLine === f.line && f.endColumn <= f.column ? f.column + 1 : f.endColumn,
      })),
    );
  }, [editor, findings]);

  return (
    <div className="editor-frame">
      <Editor
        height={height}
        path={path}
        defaultValue={value}
        language={TEMPLATE_LANGUAGE}
        theme={TEMPLATE_THEME}
        beforeMount={(m) => registerTemplateLanguage(m as unknown as typeof monaco, keys)}
        onMount={onMount}
        onChange={(v) => onChange?.(v ?? "")}
        loading={<EditorLoading />}
        options={{
          ...TEMPLATE_VIEW_OPTIONS,
          readOnly,
          ariaLabel: label,
          wordWrap: "on",
          minimap: { enabled: false },
          lineNumbersMinChars: 3,
          scrollBeyondLastLine: false,
          renderWhitespace: "boundary",
          automaticLayout: true,
          fixedOverflowWidgets: true,
          quickSuggestions: false,
          wordBasedSuggestions: "off",
          tabFocusMode: false,
          accessibilitySupport: "auto",
        }}
      />
    </div>
  );
}

export function EditorLoading() {
  return (
    <div className="editor-loading" role="status">
      Loading editor…
    </div>
  );
}
