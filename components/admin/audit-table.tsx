import Link from "next/link";
import { diffLines, stableJson } from "@/lib/domain/authoring/line-diff";
import type { AuditEventResponse } from "@/lib/domain/schemas/account-responses";

const when = (iso: string) => `${iso.slice(0, 19).replace("T", " ")} UTC`;

/** Audit events newest first; each change opens (a native <details>) as a before/after line diff. */
export function AuditTable({ items }: { items: (AuditEventResponse & { link: string | null })[] }) {
  if (items.length === 0) return <p className="muted">No events match these filters.</p>;
  return (
    <table className="audit-table" aria-label="Audit events, newest first">
      <thead>
        <tr>
          <th scope="col">Time</th>
          <th scope="col">Actor</th>
          <th scope="col">Action</th>
          <th scope="col">Target</th>
          <th scope="col">Change</th>
        </tr>
      </thead>
      <tbody>
        {items.map((e) => (
          <tr key={e.id}>
            <td className="nowrap">{when(e.createdAt)}</td>
            <td>
              {e.actorLabel ?? e.actorId ?? "—"} <span className="muted">({e.actorType})</span>
            </td>
            <td>
              <code>{e.action}</code>
            </td>
            <td>
              {e.link ? (
                <Link href={e.link}>{e.link.replace(/^\/prompts\//, "")}</Link>
              ) : (
                <span>
                  {e.targetType}
                  {e.targetId ? `: ${e.targetId}` : ""}
                </span>
              )}
            </td>
            <td>
              <ChangeDiff before={e.before} after={e.after} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function ChangeDiff({ before, after }: { before: unknown; after: unknown }) {
  const lines = diffLines(stableJson(before), stableJson(after));
  if (lines.length === 0) return <span className="muted">—</span>;
  const changed = lines.filter((l) => l.kind !== "same").length;
  return (
    <details className="audit-diff">
      <summary>
        {before == null ? "Created" : after == null ? "Removed" : `${changed} changed line${changed === 1 ? "" : "s"}`}
      </summary>
      <pre aria-label="Before and after">
        {lines.map((l, i) => (
          <span key={i} className={`diff-line ${l.kind}`}>
            <span aria-hidden>{l.kind === "added" ? "+ " : l.kind === "removed" ? "− " : "  "}</span>
            {l.kind === "added" ? <ins>{l.text}</ins> : l.kind === "removed" ? <del>{l.text}</del> : l.text}
            {"\n"}
          </span>
        ))}
      </pre>
    </details>
  );
}
