"use client";

import { signIn } from "next-auth/react";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { AppHeaderShell } from "@/components/layout/app-header";

/** Home only redirects to /prompts: going there directly saves a round trip after signing in. */
const landingPath = (callbackUrl: string) => (callbackUrl === "/" ? "/prompts" : callbackUrl);

export function LoginForm({ callbackUrl }: { callbackUrl: string }) {
  const router = useRouter();
  const target = landingPath(callbackUrl);
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const [signedIn, setSignedIn] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setPending(true);
    setError(null);
    const form = new FormData(event.currentTarget);
    const result = await signIn("credentials", {
      email: String(form.get("email") ?? ""),
      password: String(form.get("password") ?? ""),
      redirect: false,
    }).catch(() => null);
    if (result?.ok && !result.error) {
      // The app's header and a loading line show at once, while the server renders the target. (Not a
      // loading.tsx: React holds streamed content back ~300 ms behind a shown fallback, which would slow
      // every full load of the pages under it.) No refresh after the navigation: the target renders
      // fresh (pages are dynamic), and a refresh would hold the navigation until it is rendered.
      setSignedIn(true);
      router.replace(target);
    } else {
      setPending(false);
      setError(
        result?.status === 429
          ? "Too many failed sign-ins. Wait 15 minutes and try again."
          : result
            ? "Email or password is not right, or the account is disabled."
            : "Could not reach the server. Check your connection and try again.",
      );
    }
  }

  if (signedIn)
    return (
      <div className="signed-in-shell">
        <AppHeaderShell />
        <p role="status" className="muted">
          Signed in. Loading…
        </p>
      </div>
    );

  return (
    <form onSubmit={onSubmit} className="card stack" aria-describedby={error ? "login-error" : undefined}>
      <label>
        Email
        <input name="email" type="email" autoComplete="username" required autoFocus />
      </label>
      <label>
        Password
        <input name="password" type="password" autoComplete="current-password" required minLength={1} />
      </label>
      {error && (
        <p id="login-error" role="alert" className="error">
          {error}
        </p>
      )}
      <button type="submit" className="primary" disabled={pending}>
        {pending ? "Signing in…" : "Sign in"}
      </button>
    </form>
  );
}
