import type { Metadata } from "next";
import Link from "next/link";
import { slugForPhase } from "@/lib/domain/authoring/phase-slug";
import { isWaiting, releaseVersions } from "@/lib/domain/releases/presentation";
import { requireCaller } from "@/lib/server/auth/session";
import { getCatalog } from "@/lib/server/services/catalog-service";
import { BodyDiff } from "@/components/editor/body-diff";
import { AppHeader } from "@/components/layout/app-header";
import { ReleaseChecks } from "@/components/releases/release-checks";
import { ReleaseControls } from "@/components/releases/release-controls";
import { ReleaseFacts } from "@/components/releases/release-facts";
import { ReviewList } from "@/components/releases/review-list";
import { scopeLabel } from "@/components/releases/release-table";
import { loadRelease, releasePermissions } from "./load-release";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Release" };

/**
 * One release: what it changes (note, versions, the body diff against production at opening), the
 * target's checks with each sample and its assembled output against production's, who said what, and
 * the steps the caller may take (approve, reject, withdraw, release, comment).
 */
export default async function ReleasePage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const caller = await requireCaller("prompts:read", `/releases/${encodeURIComponent(id)}`);
  const { release, base, target } = await loadRelease(caller, id);
  const perms = releasePermissions(caller, release.requestedBy);
  const slug = slugForPhase(release.phase);
  const title = `Release of ${scopeLabel(release)} ${releaseVersions(release)}`;
  const keys = getCatalog(caller).contextKeys;
  // Releasing checks this too (409): said here first, so nobody approves what cannot go out.
  const moved = isWaiting(release.status) && release.productionVersion !== release.baseVersion;

  return (
    <>
      <AppHeader caller={caller} />
      <main className="wide">
        <nav className="breadcrumb" aria-label="Breadcrumb">
          <Link href="/releases">Releases</Link> / <span aria-current="page">{releaseVersions(release)}</span>
        </nav>
        <div className="page-head">
          <h1>{title}</h1>
        </div>
        <section className="card" aria-labelledby="release-facts-h">
          <h2 id="release-facts-h">Request</h2>
          <ReleaseFacts release={release} slug={slug} />
          {moved && (
            <p className="production-moved" role="note">
              Production changed since this release was opened (
              {release.baseVersion === null ? "nothing" : `v${release.baseVersion}`} then,{" "}
              {release.productionVersion === null ? "nothing" : `v${release.productionVersion}`} now): releasing it will
              be refused. Open a new release for v{release.targetVersion} to review it against what serves now.
            </p>
          )}
        </section>
        <section className="card" aria-labelledby="release-body-h">
          <h2 id="release-body-h">
            Body ({release.baseVersion === null ? "nothing in production" : `production v${release.baseVersion}`} → v
            {release.targetVersion})
          </h2>
          {base?.body === target.body ? (
            <p className="muted">The bodies are identical.</p>
          ) : (
            <BodyDiff
              original={base?.body ?? ""}
              modified={target.body}
              originalLabel={base ? `v${base.version} (production when opened)` : "nothing in production"}
              modifiedLabel={`v${target.version}`}
              keys={keys}
            />
          )}
        </section>
        <section className="card" aria-labelledby="release-checks-h">
          <h2 id="release-checks-h">Checks with the sample contexts</h2>
          <ReleaseChecks
            checks={release.checks}
            samples={release.samples}
            productionVersion={release.productionVersion}
            targetVersion={release.targetVersion}
            keys={keys}
          />
        </section>
        <section className="card" aria-labelledby="release-reviews-h">
          <h2 id="release-reviews-h">Reviews and comments</h2>
          <ReviewList reviews={release.reviews} />
          <ReleaseControls
            id={release.id}
            status={release.status}
            releasable={release.releasable}
            targetVersion={release.targetVersion}
            perms={perms}
            checksFailed={!release.checks.passed}
          />
        </section>
      </main>
    </>
  );
}
