"use client";

import { useEffect, useId, useState } from "react";
import { countPromptTokens } from "@/app/prompts/actions";
import type { TokenCounts as Counts } from "@/lib/domain/schemas/views";

export interface TokenSection {
  label: string;
  text: string;
}

const fmt = (n: number) => n.toLocaleString("en-US");
const signed = (n: number) => (n > 0 ? `+${fmt(n)}` : n < 0 ? `−${fmt(-n)}` : "±0");

interface Props {
  sections: TokenSection[];
  delayMs?: number;
  /** Two texts side by side (a release: production, then the target): a "Change" row instead of a total. */
  compare?: boolean;
}

/**
 * Tokens per section and in total for OpenAI and Anthropic, counted on the server (the tokenizers'
 * ranks are megabytes: they never reach the browser) a moment after the text stops changing.
 * Reusable: the editor, the preview and the release page pass their own sections.
 */
export function TokenCounts({ sections, delayMs = 400, compare = false }: Props) {
  const id = useId();
  const [counts, setCounts] = useState<Counts | null>(null);
  const [failed, setFailed] = useState(false);
  const key = JSON.stringify(sections);
  useEffect(() => {
    let live = true;
    const timer = window.setTimeout(async () => {
      const res = await countPromptTokens({ sections: JSON.parse(key) as TokenSection[] }).catch(() => null);
      if (!live) return;
      setFailed(!res?.ok);
      if (res?.ok) setCounts(res.data);
    }, delayMs);
    return () => {
      live = false;
      window.clearTimeout(timer);
    };
  }, [key, delayMs]);

  return (
    <section className="token-counts" aria-labelledby={`${id}-h`}>
      <h3 id={`${id}-h`}>Tokens</h3>
      {failed && <p className="error">Could not count tokens just now.</p>}
      <table aria-busy={counts === null}>
        <thead>
          <tr>
            <th scope="col">Section</th>
            <th scope="col" title={counts?.tokenizers.openai}>
              OpenAI
            </th>
            <th scope="col" title={counts?.tokenizers.anthropic}>
              Anthropic ≈
            </th>
          </tr>
        </thead>
        <tbody>
          {(sections.length > 1 || compare ? sections : []).map((s, i) => (
            <tr key={`${s.label}-${i}`}>
              <th scope="row">{s.label}</th>
              <td>{counts?.sections[i] ? fmt(counts.sections[i].openai) : "…"}</td>
              <td>{counts?.sections[i] ? fmt(counts.sections[i].anthropic) : "…"}</td>
            </tr>
          ))}
          {compare ? (
            <tr className="total">
              <th scope="row">Change</th>
              <td data-testid="tokens-change-openai">{counts ? signed(change(counts, "openai")) : "…"}</td>
              <td data-testid="tokens-change-anthropic">{counts ? signed(change(counts, "anthropic")) : "…"}</td>
            </tr>
          ) : (
            <tr className="total">
              <th scope="row">{sections.length > 1 ? "Total" : (sections[0]?.label ?? "Total")}</th>
              <td data-testid="tokens-openai">{counts ? fmt(counts.total.openai) : "…"}</td>
              <td data-testid="tokens-anthropic">{counts ? fmt(counts.total.anthropic) : "…"}</td>
            </tr>
          )}
        </tbody>
      </table>
      <p className="hint">
        OpenAI: {counts?.tokenizers.openai ?? "o200k_base"}. Anthropic: an approximation for current Claude models (no
        exact offline tokenizer exists).
      </p>
    </section>
  );
}

/** Last section minus the first (compare mode: the target against production). */
function change(counts: Counts, tokenizer: "openai" | "anthropic"): number {
  const first = counts.sections[0]?.[tokenizer] ?? 0;
  const last = counts.sections.at(-1)?.[tokenizer] ?? 0;
  return last - first;
}
