import Link from "next/link";

interface Props {
  slug: string;
  /** The version the form started from (null: the phase has none yet). */
  baseVersion: number | null;
  /** What production serves now (the highest serving version), if anything. */
  productionVersion: number | null;
  /** The phase's newest version. */
  latestVersion: number | null;
  /** True when the URL asked for this starting version (?from=N). */
  explicitBase: boolean;
}

/**
 * Says which version the draft starts from and why: production by default (a rolled-back or unreleased
 * newer version is never the silent starting point), or the one asked for, with links to the others.
 */
export function EditorStart({ slug, baseVersion, productionVersion, latestVersion, explicitBase }: Props) {
  if (baseVersion === null) return <span>Editing from a blank prompt (this phase has no versions yet)</span>;
  const role =
    baseVersion === productionVersion
      ? "what production serves"
      : productionVersion === null
        ? "the newest; nothing is in production"
        : "not in production";
  const others: { version: number; label: string; href: string }[] = [];
  if (productionVersion !== null && baseVersion !== productionVersion)
    others.push({ version: productionVersion, label: "production", href: `/prompts/${slug}` });
  if (latestVersion !== null && latestVersion !== baseVersion && latestVersion !== productionVersion)
    others.push({ version: latestVersion, label: "newest", href: `/prompts/${slug}?from=${latestVersion}` });
  return (
    <span data-testid="editor-start">
      Editing from version {baseVersion} ({role}
      {explicitBase && baseVersion !== productionVersion ? ", as asked" : ""})
      {others.map((o) => (
        <span key={o.label}>
          {" "}
          ·{" "}
          <Link href={o.href}>
            start from v{o.version} ({o.label})
          </Link>
        </span>
      ))}
    </span>
  );
}
