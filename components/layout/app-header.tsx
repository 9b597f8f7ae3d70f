import Link from "next/link";
import type { Caller } from "@/lib/domain/auth/actor";
import { can } from "@/lib/domain/auth/permissions";
import { SignOutButton } from "@/components/auth/sign-out-button";

/** Top bar for signed-in pages: navigation by permission, who is signed in, sign-out. */
export function AppHeader({ caller }: { caller: Caller }) {
  const actor = caller.actor;
  return (
    <header className="app-header">
      <nav aria-label="Main">
        <Link href="/" className="brand">
          Prompt Manager
        </Link>
        <Link href="/prompts">Prompts</Link>
        <Link href="/releases">Releases</Link>
        <Link href="/actions">Actions</Link>
        <Link href="/prompts/import">Import &amp; export</Link>
        {can(actor, "admin") && <Link href="/admin">Admin</Link>}
        {can(actor, "admin") && <Link href="/admin/audit">Audit log</Link>}
      </nav>
      {actor.kind === "user" && (
        <div className="who">
          <span>{actor.email}</span> <span className="badge">{actor.role}</span>
          <SignOutButton />
        </div>
      )}
    </header>
  );
}

/**
 * The top bar before the page knows the caller (right after signing in): the links everyone may
 * follow, so the screen is never blank while the server renders the next page.
 */
export function AppHeaderShell() {
  return (
    <header className="app-header">
      <nav aria-label="Main">
        <Link href="/" className="brand">
          Prompt Manager
        </Link>
        <Link href="/prompts">Prompts</Link>
        <Link href="/releases">Releases</Link>
        <Link href="/actions">Actions</Link>
        <Link href="/prompts/import">Import &amp; export</Link>
      </nav>
    </header>
  );
}
