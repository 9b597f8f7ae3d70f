import "../prompts/prompts.css";

/** The Actions pages share the authoring pages' stylesheet. */
export default function ActionsLayout({ children }: { children: React.ReactNode }) {
  return children;
}
