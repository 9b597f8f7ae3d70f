import Link from "next/link";
import type { VersionSummary } from "@/lib/domain/schemas/views";
import { formatTime } from "@/components/ui/format";
import { StatusBadge } from "./status-badge";

interface Props {
  slug: string;
  versions: readonly VersionSummary[];
  serving: ReadonlySet<number>;
  /** The version on screen (viewed, or the one the editor started from). */
  current: number | null;
  canWrite: boolean;
  limitReached: boolean;
}

/** The phase's versions, newest first: open one, or start editing from it. */
export function VersionList({ slug, versions, serving, current, canWrite, limitReached }: Props) {
  return (
    <section className="card version-list" aria-labelledby="version-list-h">
      <div className="section-head">
        <h2 id="version-list-h">
          Versions{" "}
          <span className="muted">
            ({versions.length}
            {limitReached ? "+" : ""})
          </span>
        </h2>
        {versions.length > 1 && <Link href={`/prompts/${slug}/diff`}>Compare</Link>}
      </div>
      {versions.length === 0 ? (
        <p className="muted">No versions yet.</p>
      ) : (
        <ol tabIndex={0} aria-label="Versions, newest first">
          {versions.map((v) => (
            <li
              key={v.id}
              className={v.version === current ? "current" : undefined}
              aria-current={v.version === current ? "true" : undefined}
            >
              <Link href={`/prompts/${slug}/v/${v.version}`} className="version-link">
                v{v.version}
              </Link>
              <StatusBadge serving={serving.has(v.version)} active={v.isActive} />
              <span className="version-name">{v.name ?? <span className="muted">unnamed</span>}</span>
              <span className="muted version-time">{formatTime(v.createdAt)}</span>
              {canWrite && v.version !== current && (
                <Link
                  href={`/prompts/${slug}?from=${v.version}`}
                  className="small-link"
                  aria-label={`Edit from v${v.version}`}
                >
                  edit from
                </Link>
              )}
            </li>
          ))}
        </ol>
      )}
      {limitReached && (
        <p className="hint">
          <Link href={`/prompts?phase=${slug}`}>All versions of this phase</Link>
        </p>
      )}
    </section>
  );
}
