import type { Metadata } from "next";
import Link from "next/link";
import { phaseFromSlug, phaseLabel } from "@/lib/domain/authoring/phase-slug";
import { lintTemplate } from "@/lib/domain/template";
import { versionTimeline } from "@/lib/domain/history/timeline";
import { can } from "@/lib/server/auth/authorize";
import { phaseTimeline } from "@/lib/server/services/history-service";
import { runChecks } from "@/lib/server/services/check-service";
import { getReleasePolicy } from "@/lib/server/services/release-policy-service";
import { CheckResults } from "@/components/checks/check-results";
import { ReleaseTimeline } from "@/components/history/release-timeline";
import { AppHeader } from "@/components/layout/app-header";
import { PhaseHeader } from "@/components/prompts/phase-header";
import { EmergencyRollback } from "@/components/prompts/emergency-rollback";
import { VersionActions } from "@/components/prompts/version-actions";
import { VersionDetails } from "@/components/prompts/version-details";
import { VersionList } from "@/components/prompts/version-list";
import { loadPhase, positiveInt, servingSummary, versionOr404 } from "../../load-phase";

export const dynamic = "force-dynamic";

type Params = Promise<{ phase: string; version: string }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { phase, version } = await params;
  const p = phaseFromSlug(phase);
  return { title: p === undefined ? "Not found" : `${phaseLabel(p)} v${version}` };
}

/**
 * One version: read-only content, its part of the phase's release history (including being taken out
 * of production by a later release or rollback), and (for designers) activate, deactivate, roll back.
 */
export default async function VersionPage({ params }: { params: Params }) {
  const { version: rawVersion } = await params;
  const ctx = await loadPhase(params, `/v/${rawVersion}`);
  const { caller, phase, slug, versions, serving } = ctx;
  const prompt = await versionOr404(caller, phase, positiveInt(rawVersion));
  const [timeline, policy, checks] = await Promise.all([
    phaseTimeline(caller, phase),
    getReleasePolicy(caller),
    runChecks(caller, prompt.id, {}),
  ]);
  const history = versionTimeline(timeline, prompt.version);
  const isAdmin = can(caller.actor, "admin");
  const isServing = serving.has(prompt.version);
  const activeAbove = versions.filter((v) => v.isActive && v.version > prompt.version).map((v) => v.version);
  const sameGroup = (t: string) => phase !== null || t === prompt.promptType;
  const servingAfterDeactivate =
    versions.find((v) => v.isActive && v.version < prompt.version && sameGroup(v.promptType))?.version ?? null;
  const previous = versions.find((v) => v.version < prompt.version)?.version;

  return (
    <>
      <AppHeader caller={caller} />
      <main className="wide">
        <PhaseHeader
          canWrite={ctx.canWrite}
          slug={slug}
          label={ctx.label}
          trail={`v${prompt.version}`}
          title={`${ctx.label} · version ${prompt.version}`}
          summary={servingSummary(serving, versions.length)}
          current="version"
        />
        <div className="detail-layout">
          <div className="card">
            <VersionDetails
              prompt={prompt}
              serving={isServing}
              keys={ctx.keys}
              findings={lintTemplate(prompt.body, prompt.requiredContextKeys)}
            />
          </div>
          <ReleaseTimeline
            entries={history}
            slug={slug}
            title={`History of v${prompt.version}`}
            empty="Nothing recorded for this version yet."
          />
          <aside className="editor-side" aria-label="Version actions">
            <section className="card" aria-labelledby="actions-card-h">
              <h2 id="actions-card-h">Actions</h2>
              <ul className="link-list">
                {ctx.canWrite && (
                  <li>
                    <Link href={`/prompts/${slug}?from=${prompt.version}`}>Edit from this version</Link>
                  </li>
                )}
                <li>
                  <Link href={`/prompts/${slug}/preview?version=${prompt.version}`}>Preview this version</Link>
                </li>
                {previous !== undefined && (
                  <li>
                    <Link href={`/prompts/${slug}/diff?from=${previous}&to=${prompt.version}`}>
                      Compare with v{previous}
                    </Link>
                  </li>
                )}
              </ul>
              {ctx.canWrite && policy.requiredApprovals > 0 && (
                <p className="hint">
                  Production changes go through a release: someone other than the requester approves it first.
                </p>
              )}
              {isAdmin && phase !== null && !isServing && (
                <EmergencyRollback phase={phase} version={prompt.version} activeAbove={activeAbove} />
              )}
              {ctx.canWrite && policy.requiredApprovals === 0 && (
                <VersionActions
                  id={prompt.id}
                  phase={phase}
                  version={prompt.version}
                  isActive={prompt.isActive}
                  isServing={isServing}
                  activeAbove={activeAbove}
                  servingAfterDeactivate={servingAfterDeactivate}
                />
              )}
            </section>
            <section className="card" aria-labelledby="checks-card-h">
              <h2 id="checks-card-h">Checks</h2>
              <CheckResults run={checks} label={`Checks of v${prompt.version}`} />
            </section>
            <VersionList
              slug={slug}
              versions={versions}
              serving={serving}
              current={prompt.version}
              canWrite={ctx.canWrite}
              limitReached={ctx.limitReached}
            />
          </aside>
        </div>
      </main>
    </>
  );
}
