"use client";

import { useEffect } from "react";

let started: Promise<unknown> | null = null;

/**
 * Fetches and evaluates the Monaco bundle (editor and diff share it) once per page load, so the
 * editor, diff and version pages find it ready. The same `import()`s as their next/dynamic loaders:
 * the bundler serves one module graph, so Monaco is loaded once and reused across views.
 */
export function preloadMonaco(): Promise<unknown> {
  started ??= Promise.all([import("./template-editor-impl"), import("./body-diff-impl")]).catch(() => {
    started = null; // a failed fetch (offline) may be retried by the next hover
  });
  return started;
}

// Pages that show Monaco: a phase's editor, a version, a diff, a preview, a release.
const MONACO_PAGE = /^\/(prompts\/(?!import(?:[/?#]|$))[^/?#]+|releases\/[^/?#]+)/;

function onPointerOrFocus(event: Event) {
  const link = (event.target as Element | null)?.closest?.("a[href]");
  const href = link?.getAttribute("href");
  if (href && MONACO_PAGE.test(href)) void preloadMonaco();
}

/** Preloads Monaco when the pointer or focus reaches a link to a page that shows it (any page). */
export function MonacoPreloadOnHover() {
  useEffect(() => {
    document.addEventListener("pointerover", onPointerOrFocus, { passive: true });
    document.addEventListener("focusin", onPointerOrFocus);
    return () => {
      document.removeEventListener("pointerover", onPointerOrFocus);
      document.removeEventListener("focusin", onPointerOrFocus);
    };
  }, []);
  return null;
}

/** Preloads Monaco as soon as the browser is idle (the authoring pages, where it is likely needed next). */
export function MonacoPreloadWhenIdle() {
  useEffect(() => {
    if (typeof requestIdleCallback !== "function") {
      const timer = window.setTimeout(() => void preloadMonaco(), 200);
      return () => clearTimeout(timer);
    }
    const handle = requestIdleCallback(() => void preloadMonaco(), { timeout: 2000 });
    return () => cancelIdleCallback(handle);
  }, []);
  return null;
}
