import { MonacoPreloadWhenIdle } from "@/components/editor/monaco-preload";
import "./prompts.css";

/**
 * The authoring pages share one stylesheet on top of the app's global one, and fetch Monaco while the
 * browser is idle, so the editor, a version or a diff opened from here does not wait for it.
 */
export default function PromptsLayout({ children }: { children: React.ReactNode }) {
  return (
    <>
      <MonacoPreloadWhenIdle />
      {children}
    </>
  );
}
