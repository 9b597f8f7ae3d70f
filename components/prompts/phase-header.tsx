import Link from "next/link";

interface Props {
  slug: string;
  label: string;
  /** The last breadcrumb after the phase, e.g. "v3" or "Compare". */
  trail?: string;
  title: string;
  summary: React.ReactNode;
  current: "edit" | "preview" | "diff" | "version";
  /** Viewers' first tab shows the serving version read-only, so it is not called "Editor" for them. */
  canWrite?: boolean;
}

/** Breadcrumb, title and the phase's sub-pages (edit, preview, compare). */
export function PhaseHeader({ slug, label, trail, title, summary, current, canWrite = true }: Props) {
  const tabs = [
    { key: "edit", href: `/prompts/${slug}`, text: canWrite ? "Editor" : "Serving version" },
    { key: "preview", href: `/prompts/${slug}/preview`, text: "Preview" },
    { key: "diff", href: `/prompts/${slug}/diff`, text: "Compare versions" },
  ] as const;
  return (
    <div className="page-head">
      <nav aria-label="Breadcrumb" className="breadcrumb">
        <ol>
          <li>
            <Link href="/prompts">Prompts</Link>
          </li>
          <li>{trail ? <Link href={`/prompts/${slug}`}>{label}</Link> : <span aria-current="page">{label}</span>}</li>
          {trail && (
            <li>
              <span aria-current="page">{trail}</span>
            </li>
          )}
        </ol>
      </nav>
      <div className="title-row">
        <div>
          <h1>{title}</h1>
          <p className="muted summary">{summary}</p>
        </div>
        <nav aria-label="Phase pages" className="phase-tabs">
          {tabs.map((t) => (
            <Link
              key={t.key}
              href={t.href}
              aria-current={current === t.key ? "page" : undefined}
              className={current === t.key ? "active" : undefined}
            >
              {t.text}
            </Link>
          ))}
        </nav>
      </div>
    </div>
  );
}
