import Link from "next/link";
import { changesProduction, describeEntry } from "@/lib/domain/history/describe";
import type { TimelineEntry } from "@/lib/domain/history/timeline";
import { formatTime } from "@/components/ui/format";
import styles from "./timeline.module.css";

interface Props {
  entries: readonly TimelineEntry[];
  /** The phase's URL slug, for links to versions. */
  slug: string;
  /** Heading text, e.g. "Release history" or "This version's history". */
  title: string;
  /** Shown when there is nothing yet. */
  empty: string;
  /** The phase page shows every entry; set when the list was cut at the service's limit. */
  truncated?: boolean;
}

/**
 * One timeline of what happened to a phase (or a version): saves with their change notes, staging
 * moves, release steps, rollbacks — who, when, note. Changes to production are marked on the rail.
 */
export function ReleaseTimeline({ entries, slug, title, empty, truncated }: Props) {
  const id = `timeline-${title.toLowerCase().replace(/[^a-z]+/g, "-")}`;
  return (
    <section className="card" aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      {entries.length === 0 ? (
        <p className="muted">{empty}</p>
      ) : (
        <ol className={styles.timeline}>
          {entries.map((e) => (
            <li
              key={e.id}
              data-kind={e.kind}
              className={[
                styles.entry,
                changesProduction(e) ? styles.production : "",
                e.kind === "emergency_rollback" ? styles.emergency : "",
              ].join(" ")}
            >
              <time className={styles.when} dateTime={e.at}>
                {formatTime(e.at)}
              </time>
              <p className={styles.what}>
                <strong>{e.actor}</strong> <Description entry={e} slug={slug} />
                {e.releaseId && (
                  <>
                    {" "}
                    · <Link href={`/releases/${e.releaseId}`}>release</Link>
                  </>
                )}
              </p>
              {e.note && <p className={styles.note}>{e.note}</p>}
            </li>
          ))}
        </ol>
      )}
      {truncated && <p className={`muted ${styles.more}`}>Older events are in the audit log.</p>}
    </section>
  );
}

/** The entry's words, with its version linked to the version's page. */
function Description({ entry, slug }: { entry: TimelineEntry; slug: string }) {
  const text = describeEntry(entry);
  if (entry.version === null) return <>{text}</>;
  const label = `v${entry.version}`;
  const at = text.indexOf(label);
  if (at < 0) return <>{text}</>;
  return (
    <>
      {text.slice(0, at)}
      <Link href={`/prompts/${slug}/v/${entry.version}`}>{label}</Link>
      {text.slice(at + label.length)}
    </>
  );
}
