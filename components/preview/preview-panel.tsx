"use client";

import { useEffect, useId, useState, type KeyboardEvent } from "react";
import { previewAssembled } from "@/app/prompts/actions";
import { ActionStatus, type Status } from "@/components/ui/action-status";
import { detailsOf, missingContextDetailsSchema } from "@/lib/domain/schemas/error-details";
import { PreviewResult, type PreviewResultData } from "./preview-result";
import { SampleControls, type SampleDto } from "./sample-controls";
import { TurnEditor, type Turn } from "./turn-editor";

export interface KeyInfo {
  value: string;
  label: string;
  description: string;
}
export interface DraftContent {
  body: string;
  requiredContextKeys: string[];
  allowedActions: string[];
}

interface Props {
  phase: string | null;
  /** One form field per key: the prompt's required keys plus the keys its body places. */
  fieldKeys: readonly string[];
  keyInfo: readonly KeyInfo[];
  samples: SampleDto[];
  initialSampleId?: string;
  /** The stored version to assemble (undefined: the serving one); with a draft, the version it started from. */
  version?: number;
  promptType?: string;
  /** Unsaved editor content: read when the preview runs. */
  getDraft?: () => DraftContent;
}

// Short values get a one-line input; everything else (notes, identities, messages) a textarea.
type Provider = "openai" | "anthropic";
// The provider a person previews with is a habit, not a per-page choice: remembered in this browser.
const PROVIDER_KEY = "pm.preview.provider";
const isProvider = (v: unknown): v is Provider => v === "openai" || v === "anthropic";

const ONE_LINE = new Set([
  "user_name",
  "number_of_identities",
  "identity_focus",
  "current_phase",
  "who_you_are",
  "who_you_want_to_be",
]);

/**
 * The preview form: values per key (prefilled from a shared sample context), provider, and the prompt
 * assembled by the same service as POST /api/resolve. Missing keys are marked on their fields.
 */
export function PreviewPanel({
  phase,
  fieldKeys,
  keyInfo,
  samples: initialSamples,
  initialSampleId,
  version,
  promptType,
  getDraft,
}: Props) {
  const id = useId();
  const [samples, setSamples] = useState(initialSamples);
  const firstSample = initialSamples.find((s) => s.id === initialSampleId) ?? initialSamples[0] ?? null;
  const [sampleId, setSampleId] = useState(firstSample?.id ?? "");
  const [values, setValues] = useState<Record<string, string>>(firstSample?.values ?? {});
  const [turns, setTurns] = useState<Turn[]>([]);
  const [provider, setProviderState] = useState<Provider>("openai");
  useEffect(() => {
    const stored = window.localStorage.getItem(PROVIDER_KEY);
    // Read after hydration (the server cannot know it), so the first render matches the server's.
    // eslint-disable-next-line react-hooks/set-state-in-effect
    if (isProvider(stored)) setProviderState(stored);
  }, []);
  const setProvider = (p: Provider) => {
    setProviderState(p);
    try {
      window.localStorage.setItem(PROVIDER_KEY, p);
    } catch {
      // Storage full or blocked: the choice still holds for this page.
    }
  };
  const [result, setResult] = useState<{ data: PreviewResultData; draft: boolean; provider: string } | null>(null);
  const [missing, setMissing] = useState<Set<string>>(new Set());
  const [status, setStatus] = useState<Status>(null);
  const [running, setRunning] = useState(false);
  const info = new Map(keyInfo.map((k) => [k.value, k]));

  const run = async (fields: Record<string, string> = values, using: Provider = provider) => {
    setRunning(true);
    setStatus(null);
    const draft = getDraft?.();
    const context = turns.length > 0 ? { ...fields, recent_messages: turns } : fields;
    const res = await previewAssembled({ phase, version, promptType, draft, context, provider: using }).catch(
      () => null,
    );
    setRunning(false);
    if (!res)
      return setStatus({ kind: "error", message: "Could not reach the server. Check your connection and try again." });
    if (res.ok) {
      setMissing(new Set());
      setResult({ data: res.data, draft: Boolean(draft), provider: using });
      return setStatus({
        kind: "ok",
        message: `Assembled ${res.data.text.length.toLocaleString("en-US")} characters.`,
      });
    }
    setResult(null);
    const gaps =
      res.error.code === "missing_context"
        ? (detailsOf(missingContextDetailsSchema, res.error.details)?.missing ?? [])
        : [];
    setMissing(new Set(gaps));
    setStatus({
      kind: "error",
      message: gaps.length
        ? `Fill in ${gaps.length === 1 ? "the missing key" : `${gaps.length} missing keys`}: ${gaps.join(", ")}.`
        : res.error.message,
    });
    if (gaps[0]) document.getElementById(`${id}-${gaps[0]}`)?.focus();
  };

  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === "Enter" && (e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      void run();
    }
  };

  return (
    <section className="preview-panel" aria-labelledby={`${id}-h`} onKeyDown={onKeyDown}>
      <h2 id={`${id}-h`}>{getDraft ? "Preview this draft" : "Preview"}</h2>
      <div className="preview-form">
        <SampleControls
          phase={phase}
          samples={samples}
          selectedId={sampleId}
          values={values}
          provider={provider}
          onSelect={(s) => {
            const next = s?.values ?? {};
            // The sample's own provider (for this preview only: the remembered habit stays as it is).
            const nextProvider = s?.provider ?? provider;
            setProviderState(nextProvider);
            setSampleId(s?.id ?? "");
            setValues(next);
            setMissing(new Set());
            // A result on screen is refreshed with the sample's values rather than left stale or cleared.
            if (result) void run(next, nextProvider);
          }}
          onSamplesChange={(next, selected) => {
            setSamples(next);
            setSampleId(selected);
          }}
          onStatus={setStatus}
        />
        <fieldset className="context-fields">
          <legend>Context values</legend>
          {fieldKeys.length === 0 && <p className="muted">This prompt needs no context keys.</p>}
          {fieldKeys.map((key) => {
            const k = info.get(key);
            const fieldId = `${id}-${key}`;
            const invalid = missing.has(key);
            const common = {
              "id": fieldId,
              "value": values[key] ?? "",
              "aria-invalid": invalid || undefined,
              "aria-describedby": `${fieldId}-desc${invalid ? ` ${fieldId}-err` : ""}`,
              "onChange": (e: { target: { value: string } }) => setValues((v) => ({ ...v, [key]: e.target.value })),
            };
            return (
              <div key={key} className={`context-field${invalid ? " invalid" : ""}`}>
                <label htmlFor={fieldId}>
                  <code>{key}</code> <span className="muted">{k?.label}</span>
                </label>
                {ONE_LINE.has(key) ? <input type="text" {...common} /> : <textarea rows={3} {...common} />}
                <span id={`${fieldId}-desc`} className="hint">
                  {k?.description}
                </span>
                {invalid && (
                  <span id={`${fieldId}-err`} className="error">
                    Missing: this prompt needs a value for {key}.
                  </span>
                )}
                {key === "recent_messages" && <TurnEditor turns={turns} onChange={setTurns} />}
              </div>
            );
          })}
        </fieldset>
        <div className="preview-run">
          <label>
            Provider
            <select value={provider} onChange={(e) => isProvider(e.target.value) && setProvider(e.target.value)}>
              <option value="openai">OpenAI</option>
              <option value="anthropic">Anthropic</option>
            </select>
          </label>
          <button
            type="button"
            className="primary"
            onClick={() => void run()}
            disabled={running}
            aria-keyshortcuts="Control+Enter"
          >
            {running ? "Assembling…" : "Preview"}
          </button>
          <span className="hint">Ctrl+Enter</span>
        </div>
      </div>
      <div className="preview-output">
        <ActionStatus status={status} />
        {result ? (
          <PreviewResult result={result.data} provider={result.provider} draft={result.draft} />
        ) : (
          <p className="preview-output-empty">
            The assembled prompt appears here: press Preview
            {fieldKeys.length ? " after filling in the context values" : ""}.
          </p>
        )}
      </div>
    </section>
  );
}
