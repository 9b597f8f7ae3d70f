"use client";

import dynamic from "next/dynamic";
import type { BodyDiffProps } from "./body-diff-impl";

export type { BodyDiffProps } from "./body-diff-impl";

/** The body diff, loaded in the browser only (Monaco needs `window`). */
export const BodyDiff = dynamic<BodyDiffProps>(() => import("./body-diff-impl"), {
  ssr: false,
  loading: () => (
    <div className="editor-loading" role="status">
      Loading diff…
    </div>
  ),
});
