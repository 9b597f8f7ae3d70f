"use client";

import { signIn } from "next-auth/react";
import { useRouter } from "next/navigation";
import { useEffect, useState, type FormEvent } from "react";

/** Home only redirects to /prompts: going there directly saves a round trip after signing in. */
const landingPath = (callbackUrl: string) => (callbackUrl === "/" ? "/prompts" : callbackUrl);

export function LoginForm({ callbackUrl }: { callbackUrl: string }) {
  const router = useRouter();
  const target = landingPath(callbackUrl);
  // The target's loading state (header and status, app/prompts/loading.tsx) is fetched ahead, so the
  // page changes the moment the sign-in succeeds, while the server still renders the target.
  useEffect(() => router.prefetch(target), [router, target]);
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

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
      // Stays "Signing in…" until the next page shows. No refresh after it: the target renders fresh
      // (pages are dynamic), and a refresh would hold the navigation until the whole page is rendered.
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
