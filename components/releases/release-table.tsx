import Link from "next/link";
import { phaseLabel } from "@/lib/domain/authoring/phase-slug";
import { releaseAge, releaseVersions } from "@/lib/domain/releases/presentation";
import type { ReleaseDto } from "@/lib/domain/schemas/release";
import { formatTime } from "@/components/ui/format";
import { ReleaseStatusBadge } from "./release-status-badge";

interface Props {
  items: readonly ReleaseDto[];
  caption: string;
  /** Server time of the render: ages are worked out once, on the server. */
  now: Date;
}

/** Releases as a table: phase, versions (production then → target), note, requester, status, age. */
export function ReleaseTable({ items, caption, now }: Props) {
  return (
    <div className="table-scroll">
      <table className="phase-table release-table">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Phase</th>
            <th scope="col">Versions</th>
            <th scope="col">Note</th>
            <th scope="col">Requested by</th>
            <th scope="col">Status</th>
            <th scope="col">Age</th>
          </tr>
        </thead>
        <tbody>
          {items.map((r) => (
            <tr key={r.id}>
              <th scope="row">
                <Link href={`/releases/${r.id}`} aria-label={`Release of ${scopeLabel(r)} ${releaseVersions(r)}`}>
                  {scopeLabel(r)}
                </Link>
              </th>
              <td className="nowrap">{releaseVersions(r)}</td>
              <td className="release-note-cell">{r.note}</td>
              <td>{r.requestedBy ?? "—"}</td>
              <td>
                <ReleaseStatusBadge status={r.status} />
              </td>
              <td className="nowrap">
                <time dateTime={r.createdAt} title={formatTime(r.createdAt)}>
                  {releaseAge(r.createdAt, now)}
                </time>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** The phase's label, or the type for prompts without a phase ("No phase · sentinel"). */
export function scopeLabel(r: Pick<ReleaseDto, "phase" | "promptType">): string {
  return r.phase === null ? `No phase · ${r.promptType ?? "?"}` : phaseLabel(r.phase);
}
