import "../prompts/prompts.css";
import "./releases.css";

/** The release pages share the authoring pages' stylesheet (tables, badges, diffs) plus their own. */
export default function ReleasesLayout({ children }: { children: React.ReactNode }) {
  return children;
}
