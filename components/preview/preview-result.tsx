"use client";

import { useMemo, useState } from "react";
import { TokenCounts } from "@/components/tokens/token-counts";

export interface PreviewResultData {
  prompt: { phase: string | null; version: number; name: string | null; promptType: string };
  text: string;
  sections: { kind: string; text: string }[];
  responseFormat: Record<string, unknown>;
}

const SECTION_LABELS: Record<string, string> = {
  system_context: "System context",
  user_notes: "User notes",
  body: "Phase body",
  actions: "Available actions",
  recent_messages: "Recent conversation",
};
const count = (n: number) => n.toLocaleString("en-US");

/** The assembled prompt: totals, each section with its size, the full text and the response schema. */
export function PreviewResult({
  result,
  provider,
  draft,
}: {
  result: PreviewResultData;
  provider: string;
  draft: boolean;
}) {
  const [copied, setCopied] = useState(false);
  const tokenSections = useMemo(
    () => result.sections.map((s) => ({ label: SECTION_LABELS[s.kind] ?? s.kind, text: s.text })),
    [result.sections],
  );
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(result.text);
      setCopied(true);
      window.setTimeout(() => setCopied(false), 2000);
    } catch {
      setCopied(false);
    }
  };
  return (
    <div className="preview-result">
      <p className="preview-summary">
        <strong>{draft ? "Unsaved draft" : `Version ${result.prompt.version}`}</strong>
        {" · "}
        <span data-testid="char-count">{count(result.text.length)} characters</span>
        {" · "}
        {result.sections.length} section{result.sections.length === 1 ? "" : "s"}
        <button type="button" className="small" onClick={copy}>
          {copied ? "Copied" : "Copy text"}
        </button>
      </p>
      <TokenCounts sections={tokenSections} delayMs={0} />
      <ol className="sections">
        {result.sections.map((s, i) => (
          <li key={`${s.kind}-${i}`}>
            <details open={s.kind === "body"}>
              <summary>
                <span className="section-kind">{SECTION_LABELS[s.kind] ?? s.kind}</span>
                <span className="muted"> · {count(s.text.length)} characters</span>
              </summary>
              <pre className="assembled" tabIndex={0} aria-label={`${SECTION_LABELS[s.kind] ?? s.kind} text`}>
                {s.text}
              </pre>
            </details>
          </li>
        ))}
      </ol>
      <details>
        <summary>
          Response format JSON schema (
          {provider === "anthropic" ? "Anthropic: also appended to the text" : "OpenAI: sent as response_format"})
        </summary>
        <pre className="assembled" tabIndex={0} aria-label="Response format JSON schema">
          {JSON.stringify(result.responseFormat, null, 2)}
        </pre>
      </details>
    </div>
  );
}
