import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { LoginForm } from "@/components/auth/login-form";
import { currentCaller } from "@/lib/server/auth/session";

export const metadata: Metadata = { title: "Sign in" };

function safeCallback(url: string | undefined): string {
  // Only same-site paths: never an open redirect to another host.
  return url && url.startsWith("/") && !url.startsWith("//") ? url : "/";
}

export default async function LoginPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string }> }) {
  const callbackUrl = safeCallback((await searchParams).callbackUrl);
  if ((await currentCaller()).actor.kind !== "anonymous") redirect(callbackUrl);
  return (
    <main className="login">
      <h1>Sign in to Prompt Manager</h1>
      <LoginForm callbackUrl={callbackUrl} />
    </main>
  );
}
