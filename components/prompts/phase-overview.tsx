import Link from "next/link";
import { phaseLabel, slugForPhase } from "@/lib/domain/authoring/phase-slug";
import type { PhaseOverviewRow } from "@/lib/domain/schemas/views";
import { formatTime } from "@/components/ui/format";
import { describeAuditAction } from "@/lib/domain/catalog/audit";

/** Every phase (and the phase-less prompts): what serves, how many versions, and who changed it last. */
export function PhaseOverview({ rows }: { rows: readonly PhaseOverviewRow[] }) {
  return (
    <table className="phase-table">
      <caption className="visually-hidden">Coaching phases with their serving version</caption>
      <thead>
        <tr>
          <th scope="col">Phase</th>
          <th scope="col">Serving version</th>
          <th scope="col">Versions</th>
          <th scope="col">Last change</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.phase ?? "none"}>
            <th scope="row">
              <Link href={`/prompts/${slugForPhase(row.phase)}`}>{phaseLabel(row.phase)}</Link>{" "}
              <code className="muted">{row.phase ?? "—"}</code>
            </th>
            <td>
              {row.servingVersion ? (
                <span className="badge ok">v{row.servingVersion}</span>
              ) : (
                <span className="badge off">none active</span>
              )}
            </td>
            <td>{row.versions}</td>
            <td>
              {formatTime(row.lastChange)}
              {row.lastChangeBy && (
                <span className="muted">
                  {" "}
                  · {row.lastChangeBy} {describeAuditAction(row.lastChangeAction)}
                </span>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
