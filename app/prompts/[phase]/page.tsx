import type { Metadata } from "next";
import type { PromptType } from "@/lib/domain/catalog";
import { phaseFromSlug, phaseLabel } from "@/lib/domain/authoring/phase-slug";
import { lintTemplate } from "@/lib/domain/template";
import { getLatestVersion } from "@/lib/server/services/phase-service";
import { phaseTimeline, TIMELINE_LIMIT } from "@/lib/server/services/history-service";
import { listSampleContexts } from "@/lib/server/services/sample-context-service";
import { getStaging } from "@/lib/server/services/staging-service";
import { ReleaseTimeline } from "@/components/history/release-timeline";
import { AppHeader } from "@/components/layout/app-header";
import { PromptEditor } from "@/components/editor/prompt-editor";
import { PreviewPanel } from "@/components/preview/preview-panel";
import { PhaseHeader } from "@/components/prompts/phase-header";
import { VersionDetails } from "@/components/prompts/version-details";
import { VersionList } from "@/components/prompts/version-list";
import { loadPhase, positiveInt, servingSummary, versionOr404 } from "./load-phase";
import { previewFieldKeys } from "./preview/preview-keys";

export const dynamic = "force-dynamic";

export async function generateMetadata({ params }: { params: Promise<{ phase: string }> }): Promise<Metadata> {
  const phase = phaseFromSlug((await params).phase);
  return { title: phase === undefined ? "Not found" : phaseLabel(phase) };
}

/**
 * A phase's editor: designers edit a new version starting from the production one (or ?from=N); viewers
 * see the serving version read-only and can preview it.
 */
export default async function PhaseEditorPage({
  params,
  searchParams,
}: {
  params: Promise<{ phase: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const sp = await searchParams;
  const ctx = await loadPhase(params);
  const { caller, phase, slug, versions, serving } = ctx;
  const from = positiveInt(sp.from);
  const [latest, samples, timeline] = await Promise.all([
    getLatestVersion(caller, phase),
    listSampleContexts(caller, phase),
    phaseTimeline(caller, phase),
  ]);
  const history = (
    <ReleaseTimeline
      entries={timeline}
      slug={slug}
      title="Release history"
      empty="Nothing has happened in this phase yet."
      truncated={timeline.length >= TIMELINE_LIMIT}
    />
  );
  const header = (
    <PhaseHeader
      slug={slug}
      label={ctx.label}
      title={ctx.label}
      summary={servingSummary(serving, versions.length)}
      current="edit"
      canWrite={ctx.canWrite}
    />
  );
  const list = (current: number | null) => (
    <VersionList
      slug={slug}
      versions={versions}
      serving={serving}
      current={current}
      canWrite={ctx.canWrite}
      limitReached={ctx.limitReached}
    />
  );

  if (!ctx.canWrite) {
    const servingNow = versions.find((v) => serving.has(v.version));
    const shown = servingNow ? await versionOr404(caller, phase, servingNow.version) : latest;
    return (
      <>
        <AppHeader caller={caller} />
        <main className="wide">
          {header}
          {!shown ? (
            <p className="card">This phase has no versions yet.</p>
          ) : (
            <div className="detail-layout">
              <div className="card">
                <VersionDetails
                  prompt={shown}
                  serving={serving.has(shown.version)}
                  keys={ctx.keys}
                  findings={lintTemplate(shown.body, shown.requiredContextKeys)}
                />
              </div>
              <aside className="editor-side" aria-label="Versions and preview">
                {list(shown.version)}
                <div className="card">
                  <PreviewPanel
                    phase={phase}
                    fieldKeys={previewFieldKeys(shown)}
                    keyInfo={ctx.keys}
                    samples={samples}
                    version={shown.version}
                    promptType={phase === null ? shown.promptType : undefined}
                  />
                </div>
              </aside>
            </div>
          )}
          {history}
        </main>
      </>
    );
  }

  // The editor starts from what production serves, not the newest version: after a rollback the newest
  // is the bad change, one click from shipping again. ?from=N starts anywhere else.
  const production = serving.size ? Math.max(...serving) : undefined;
  const start = from ?? production;
  const base = start !== undefined ? await versionOr404(caller, phase, start) : latest;
  // Phase-less prompts have a staging channel per type: the one of the version on screen.
  const staging = await getStaging(caller, phase, phase === null && base ? (base.promptType as PromptType) : undefined);
  return (
    <>
      <AppHeader caller={caller} />
      <main className="wide">
        {header}
        <PromptEditor
          key={`${base?.id ?? "new"}:${latest?.version ?? 0}`}
          phase={phase}
          slug={slug}
          base={base}
          latestVersion={latest?.version ?? null}
          productionVersion={production ?? null}
          stagingVersion={staging.version}
          explicitBase={from !== undefined}
          catalog={ctx.catalog}
          samples={samples}
          savedVersion={positiveInt(sp.saved)}
          side={list(base?.version ?? null)}
        />
        {history}
      </main>
    </>
  );
}
