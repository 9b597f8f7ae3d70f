"use client";

import { useState } from "react";
import type { CatalogOptions } from "./catalog-options";
import styles from "./import.module.css";

/**
 * Download all versions, or those matching a filter, as a native file (imports back unchanged) or
 * the old Django system's dumpdata layout. A plain link to GET /api/export: the browser downloads it.
 */
export function ExportPanel({ catalog }: { catalog: CatalogOptions }) {
  const [format, setFormat] = useState("native");
  const [phase, setPhase] = useState("");
  const [type, setType] = useState("");
  const [active, setActive] = useState("");
  const query = new URLSearchParams({ format });
  if (phase) query.set("phase", phase);
  if (type) query.set("type", type);
  if (active) query.set("active", active);

  return (
    <section className={styles.panel} aria-labelledby="export-heading">
      <h2 id="export-heading">Export</h2>
      <div className={styles.row}>
        <label className={styles.field}>
          Format
          <select value={format} onChange={(e) => setFormat(e.target.value)}>
            <option value="native">Native (re-importable)</option>
            <option value="django">Django dumpdata (old system)</option>
          </select>
        </label>
        <label className={styles.field}>
          Phase
          <select value={phase} onChange={(e) => setPhase(e.target.value)}>
            <option value="">All phases</option>
            <option value="none">No phase (sentinel)</option>
            {catalog.phases.map((p) => (
              <option key={p.value} value={p.value}>
                {p.label}
              </option>
            ))}
          </select>
        </label>
        <label className={styles.field}>
          Type
          <select value={type} onChange={(e) => setType(e.target.value)}>
            <option value="">All types</option>
            {catalog.promptTypes.map((t) => (
              <option key={t.value} value={t.value}>
                {t.label}
              </option>
            ))}
          </select>
        </label>
        <label className={styles.field}>
          Versions
          <select value={active} onChange={(e) => setActive(e.target.value)}>
            <option value="">Active and inactive</option>
            <option value="true">Active only</option>
            <option value="false">Inactive only</option>
          </select>
        </label>
        <a className={styles.button} href={`/api/export?${query}`} download>
          Download export
        </a>
      </div>
    </section>
  );
}
