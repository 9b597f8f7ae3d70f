"use client";

import dynamic from "next/dynamic";
import type { TemplateEditorProps } from "./template-editor-impl";

export type { TemplateEditorHandle, TemplateEditorProps } from "./template-editor-impl";

// Monaco touches `window` as soon as it is imported: load it in the browser only, after the page.
export const TemplateEditor = dynamic<TemplateEditorProps>(() => import("./template-editor-impl"), {
  ssr: false,
  loading: () => (
    <div className="editor-loading" role="status">
      Loading editor…
    </div>
  ),
});
