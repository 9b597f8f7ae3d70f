import Link from "next/link";
import type { ReleaseDto } from "@/lib/domain/schemas/release";
import { formatTime } from "@/components/ui/format";
import { ReleaseStatusBadge } from "./release-status-badge";
import { scopeLabel } from "./release-table";

/** The request itself: status, scope, versions (linked), requester, when, and the note. */
export function ReleaseFacts({ release: r, slug }: { release: ReleaseDto; slug: string }) {
  return (
    <dl className="release-facts">
      <dt>Status</dt>
      <dd>
        <ReleaseStatusBadge status={r.status} />
      </dd>
      <dt>Phase</dt>
      <dd>
        <Link href={`/prompts/${slug}`}>{scopeLabel(r)}</Link>
      </dd>
      <dt>Production when opened</dt>
      <dd>
        {r.baseVersion === null ? (
          "nothing"
        ) : (
          <Link href={`/prompts/${slug}/v/${r.baseVersion}`}>v{r.baseVersion}</Link>
        )}
      </dd>
      <dt>To release</dt>
      <dd>
        <Link href={`/prompts/${slug}/v/${r.targetVersion}`}>v{r.targetVersion}</Link>
      </dd>
      <dt>Requested by</dt>
      <dd>{r.requestedBy ?? "—"}</dd>
      <dt>Opened</dt>
      <dd>
        <time dateTime={r.createdAt}>{formatTime(r.createdAt)}</time>
      </dd>
      <dt>Note</dt>
      <dd className="release-note">{r.note}</dd>
    </dl>
  );
}
