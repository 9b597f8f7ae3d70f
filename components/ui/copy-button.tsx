"use client";

import { useState } from "react";

/** Copies `text` to the clipboard and says so (politely, for screen readers) for a few seconds. */
export function CopyButton({ text, label = "Copy" }: { text: string; label?: string }) {
  const [state, setState] = useState<"idle" | "copied" | "failed">("idle");
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(text);
      setState("copied");
    } catch {
      // No clipboard permission (or an insecure origin): the field beside stays selectable by hand.
      setState("failed");
    }
    setTimeout(() => setState("idle"), 4000);
  };
  return (
    <>
      <button type="button" onClick={() => void copy()}>
        {label}
      </button>
      {/* aria-live, not role="status": the panel's own status line stays the page's one status. */}
      <span aria-live="polite" className="hint">
        {state === "copied"
          ? "Copied to the clipboard."
          : state === "failed"
            ? "Could not copy: select the key and copy it."
            : ""}
      </span>
    </>
  );
}
