import type { Metadata } from "next";
import { PROMPT_TYPE_VALUES, defaultPromptType } from "@/lib/domain/catalog";
import { listSampleContexts } from "@/lib/server/services/sample-context-service";
import { AppHeader } from "@/components/layout/app-header";
import { PreviewPanel } from "@/components/preview/preview-panel";
import { PhaseHeader } from "@/components/prompts/phase-header";
import { StatusBadge } from "@/components/prompts/status-badge";
import { loadPhase, positiveInt, servingSummary, versionOr404 } from "../load-phase";
import { previewFieldKeys } from "./preview-keys";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Preview" };

/**
 * What the model will receive: the serving version (or ?version=N, even inactive) assembled with
 * sample context, through the same service as POST /api/resolve. Prompts without a phase are chosen
 * by type (?type=sentinel), as resolve does.
 */
export default async function PreviewPage({
  params,
  searchParams,
}: {
  params: Promise<{ phase: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const sp = await searchParams;
  const ctx = await loadPhase(params, "/preview");
  const { caller, phase, slug, versions, serving } = ctx;
  const pinned = positiveInt(sp.version);
  const type = phase === null ? (PROMPT_TYPE_VALUES.find((t) => t === sp.type) ?? defaultPromptType(null)) : undefined;
  const servingNow = versions.find((v) => serving.has(v.version) && (type === undefined || v.promptType === type));
  const target = pinned ?? servingNow?.version;
  const [prompt, samples] = await Promise.all([
    target !== undefined ? versionOr404(caller, phase, target) : null,
    listSampleContexts(caller, phase),
  ]);

  return (
    <>
      <AppHeader caller={caller} />
      <main className="wide">
        <PhaseHeader
          canWrite={ctx.canWrite}
          slug={slug}
          label={ctx.label}
          trail="Preview"
          title={`Preview · ${ctx.label}`}
          summary={servingSummary(serving, versions.length)}
          current="preview"
        />
        <form method="get" className="card diff-pickers" aria-label="Version to preview">
          {phase === null && (
            <label>
              Prompt type
              <select name="type" defaultValue={type}>
                {PROMPT_TYPE_VALUES.map((t) => (
                  <option key={t} value={t}>
                    {t}
                  </option>
                ))}
              </select>
            </label>
          )}
          <label>
            Version
            <select name="version" defaultValue={pinned ? String(pinned) : ""}>
              <option value="">Serving version{servingNow ? ` (v${servingNow.version})` : " (none)"}</option>
              {versions.map((v) => (
                <option key={v.id} value={v.version}>
                  v{v.version}
                  {v.isActive ? "" : " (inactive)"}
                  {v.name ? ` · ${v.name}` : ""}
                </option>
              ))}
            </select>
          </label>
          <button type="submit">Show</button>
          {prompt && (
            <span>
              Previewing <strong>v{prompt.version}</strong>{" "}
              <StatusBadge serving={serving.has(prompt.version)} active={prompt.isActive} />
            </span>
          )}
        </form>
        {!prompt ? (
          <p className="card" role="status">
            Nothing is serving{type ? ` for type ${type}` : ""}. Pick a version to preview it anyway.
          </p>
        ) : (
          <div className="card preview-page">
            <PreviewPanel
              key={prompt.id}
              phase={phase}
              fieldKeys={previewFieldKeys(prompt)}
              keyInfo={ctx.keys}
              samples={samples}
              initialSampleId={typeof sp.sample === "string" ? sp.sample : undefined}
              version={pinned}
              promptType={phase === null ? prompt.promptType : undefined}
            />
          </div>
        )}
      </main>
    </>
  );
}
