import Link from "next/link";
import { connection } from "next/server";
import { AppHeader } from "@/components/layout/app-header";
import { currentCaller } from "@/lib/server/auth/session";

/** 403 for a signed-in user without the permission: keeps the app header, so the way back is in sight. */
export default async function Forbidden() {
  // Rendered per request (the build prerenders the error pages, where there is no session to read).
  await connection();
  const caller = await currentCaller();
  return (
    <>
      {caller.actor.kind !== "anonymous" && <AppHeader caller={caller} />}
      <main className="stack">
        <h1>Not for your role</h1>
        <p>Your account may not open this page. Ask an admin if you need access.</p>
        <p>
          <Link href="/">Back to the prompts</Link>
        </p>
      </main>
    </>
  );
}
