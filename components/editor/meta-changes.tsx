import { META_FIELD_LABELS, type MetaChange } from "@/lib/domain/authoring/meta-diff";

const show = (v: string | null) => (v === null ? <em className="muted">empty</em> : <q>{v}</q>);

/** Name, description, type, keys, actions and activity differences, one line each (server or client). */
export function MetaChanges({
  changes,
  emptyText = "No changes besides the body.",
}: {
  changes: readonly MetaChange[];
  emptyText?: string;
}) {
  if (changes.length === 0) return <p className="muted">{emptyText}</p>;
  return (
    <ul className="meta-changes">
      {changes.map((c) => (
        <li key={c.field}>
          <strong>{META_FIELD_LABELS[c.field]}:</strong>{" "}
          {"added" in c ? (
            <>
              {c.added.map((v) => (
                <span key={`+${v}`} className="tag added">
                  + <code>{v}</code>
                </span>
              ))}
              {c.removed.map((v) => (
                <span key={`-${v}`} className="tag removed">
                  − <code>{v}</code>
                </span>
              ))}
            </>
          ) : c.field === "isActive" ? (
            <>
              {c.from ? "active" : "inactive"} → {c.to ? "active" : "inactive"}
            </>
          ) : (
            <>
              {show(c.from)} → {show(c.to)}
            </>
          )}
        </li>
      ))}
    </ul>
  );
}
