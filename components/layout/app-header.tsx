import Link from "next/link";
import type { ReactNode } from "react";
import type { Caller } from "@/lib/domain/auth/actor";
import { can } from "@/lib/domain/auth/permissions";
import { SignOutButton } from "@/components/auth/sign-out-button";

/** The bar and the links everyone may follow; `extra` links and `who` come from what the page knows. */
function HeaderFrame({ extra, who }: { extra?: ReactNode; who?: ReactNode }) {
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
        {extra}
      </nav>
      {who}
    </header>
  );
}

/** Top bar for signed-in pages: navigation by permission, who is signed in, sign-out. */
export function AppHeader({ caller }: { caller: Caller }) {
  const actor = caller.actor;
  return (
    <HeaderFrame
      extra={
        can(actor, "admin") && (
          <>
            <Link href="/admin">Admin</Link>
            <Link href="/admin/audit">Audit log</Link>
          </>
        )
      }
      who={
        actor.kind === "user" && (
          <div className="who">
            <span>{actor.email}</span> <span className="badge">{actor.role}</span>
            <SignOutButton />
          </div>
        )
      }
    />
  );
}

/**
 * The top bar before the page knows the caller (right after signing in): the links everyone may
 * follow, so the screen is never blank while the server renders the next page.
 */
export function AppHeaderShell() {
  return <HeaderFrame />;
}
