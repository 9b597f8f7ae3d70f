import type { ImportReport } from "@/lib/domain/schemas/import";
import styles from "./import.module.css";

const scope = (c: ImportReport["productionChanges"][number]) => c.phase ?? `${c.promptType} (no phase)`;

/**
 * What the import would make production serve, before anyone applies it: setting up a phase that has
 * no production is routine; replacing an existing production version bypasses review, so it is named
 * and needs an admin while releases require approval.
 */
export function ProductionChanges({ changes }: { changes: ImportReport["productionChanges"] }) {
  if (changes.length === 0) return null;
  const replaced = changes.filter((c) => c.from !== null);
  const setUp = changes.filter((c) => c.from === null);
  return (
    <div className={styles.message} role="note" aria-label="Production changes">
      {replaced.length > 0 && (
        <p>
          <strong>Changes production:</strong> {replaced.map((c) => `${scope(c)} v${c.from} → v${c.to}`).join(", ")}.
          Only an admin may apply this while releases need approval; or import those rows inactive and request releases.
        </p>
      )}
      {setUp.length > 0 && (
        <p>
          <strong>Sets up production:</strong> {setUp.map((c) => `${scope(c)} v${c.to}`).join(", ")}.
        </p>
      )}
    </div>
  );
}
