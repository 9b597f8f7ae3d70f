import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { LoginForm } from "@/components/auth/login-form";
import { safeRedirectPath } from "@/lib/domain/safe-redirect";
import { currentCaller } from "@/lib/server/auth/session";

export const metadata: Metadata = { title: "Sign in" };

export default async function LoginPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string }> }) {
  const callbackUrl = safeRedirectPath((await searchParams).callbackUrl);
  if ((await currentCaller()).actor.kind !== "anonymous") redirect(callbackUrl);
  return (
    <main className="login">
      <h1>Sign in to Prompt Manager</h1>
      <LoginForm callbackUrl={callbackUrl} />
    </main>
  );
}
