import { AppHeaderShell } from "@/components/layout/app-header";

/**
 * Shown at once while a prompts page renders on the server (e.g. right after signing in, the login
 * page prefetches it): the app's header and a status line instead of a blank or frozen page.
 */
export default function PromptsLoading() {
  return (
    <>
      <AppHeaderShell />
      <main className="wide" aria-busy="true">
        <p role="status" className="muted">
          Loading…
        </p>
      </main>
    </>
  );
}
