import "./prompts.css";

/** The authoring pages share one stylesheet on top of the app's global one. */
export default function PromptsLayout({ children }: { children: React.ReactNode }) {
  return children;
}
