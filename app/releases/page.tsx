import type { Metadata } from "next";
import Link from "next/link";
import { isUuid } from "@/lib/domain/ids";
import { isWaiting, waitingFirst } from "@/lib/domain/releases/presentation";
import { requireCaller } from "@/lib/server/auth/session";
import { listReleases } from "@/lib/server/services/release-service";
import { AppHeader } from "@/components/layout/app-header";
import { ReleaseTable } from "@/components/releases/release-table";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Releases" };

// Waiting requests are few (each is someone's pending change); all of them are listed, however old.
const WAITING_LIMIT = 200;
const PAGE_SIZE = 50;

/** Every release request: the ones waiting for a review or for the release first, then the rest, newest first. */
export default async function ReleasesPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const sp = await searchParams;
  // A hand-edited cursor that is no id shows the newest page rather than an error.
  const cursor = typeof sp.cursor === "string" && isUuid(sp.cursor) ? sp.cursor : undefined;
  const caller = await requireCaller("prompts:read", "/releases");
  const [open, approved, page] = await Promise.all([
    listReleases(caller, { status: "open", limit: WAITING_LIMIT }),
    listReleases(caller, { status: "approved", limit: WAITING_LIMIT }),
    listReleases(caller, { cursor, limit: PAGE_SIZE }),
  ]);
  const waiting = waitingFirst([...open.items, ...approved.items]);
  const others = page.items.filter((r) => !isWaiting(r.status));
  const now = new Date();

  return (
    <>
      <AppHeader caller={caller} />
      <main className="wide">
        <div className="page-head">
          <h1>Releases</h1>
          <p className="muted summary">
            Production changes only through a release: someone requests it from the editor, a second person approves it,
            and then it is released.
          </p>
        </div>
        <section className="card" aria-labelledby="waiting-h">
          <h2 id="waiting-h">Open requests</h2>
          {waiting.length === 0 ? (
            <p className="muted">No release is waiting for a review.</p>
          ) : (
            <ReleaseTable items={waiting} caption="Open release requests" now={now} />
          )}
        </section>
        <section className="card" aria-labelledby="others-h">
          <h2 id="others-h">Released, rejected and withdrawn</h2>
          {others.length === 0 ? (
            <p className="muted">{cursor ? "No older releases." : "None yet."}</p>
          ) : (
            <ReleaseTable items={others} caption="Past releases" now={now} />
          )}
          {(cursor || page.nextCursor) && (
            <nav className="pager" aria-label="Past releases pages">
              {cursor && <Link href="/releases">Newest</Link>}
              {page.nextCursor && <Link href={`/releases?cursor=${page.nextCursor}`}>Older</Link>}
            </nav>
          )}
        </section>
      </main>
    </>
  );
}
