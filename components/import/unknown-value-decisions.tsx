"use client";

import type { ImportOptions, UnknownValue } from "@/lib/domain/schemas/import";
import type { CatalogOptions } from "./catalog-options";
import styles from "./import.module.css";

const KIND_LABEL: Record<UnknownValue["kind"], string> = {
  phase: "Phase",
  contextKey: "Context key",
  action: "Action",
  promptType: "Prompt type",
};

/**
 * One decision per value the catalog does not know: map it to a catalog value, or drop it from the
 * lists it appears in. Undecided values keep their rows blocked; nothing is changed silently.
 */
export function UnknownValueDecisions({
  unknown,
  options,
  catalog,
  onChange,
}: {
  unknown: UnknownValue[];
  options: ImportOptions;
  catalog: CatalogOptions;
  onChange: (options: ImportOptions) => void;
}) {
  const decide = (value: string, decision: string) => {
    const mappings = { ...options.mappings };
    delete mappings[value];
    const drops = options.drops.filter((d) => d !== value);
    if (decision === "drop") drops.push(value);
    else if (decision.startsWith("map:")) mappings[value] = decision.slice(4);
    onChange({ ...options, mappings, drops });
  };
  return (
    <table className={styles.table}>
      <thead>
        <tr>
          <th scope="col">Kind</th>
          <th scope="col">Value in the file</th>
          <th scope="col">Rows</th>
          <th scope="col">Decision</th>
        </tr>
      </thead>
      <tbody>
        {unknown.map((u) => {
          const current = options.drops.includes(u.value)
            ? "drop"
            : options.mappings[u.value]
              ? `map:${options.mappings[u.value]}`
              : "";
          const listKind = u.kind === "contextKey" || u.kind === "action";
          return (
            <tr key={`${u.kind}:${u.value}`}>
              <td>{KIND_LABEL[u.kind]}</td>
              <td>
                <code>{u.value}</code>
              </td>
              <td>{u.rows.join(", ")}</td>
              <td>
                <select
                  aria-label={`Decision for ${u.value}`}
                  value={current}
                  onChange={(e) => decide(u.value, e.target.value)}
                >
                  <option value="">Undecided (rows stay blocked)</option>
                  {listKind && <option value="drop">Drop it from the list</option>}
                  {catalog.values[u.kind].map((v) => (
                    <option key={v} value={`map:${v}`}>
                      Map to {v}
                    </option>
                  ))}
                </select>
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
