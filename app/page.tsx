import { redirect } from "next/navigation";
import { requireCaller } from "@/lib/server/auth/session";

export const dynamic = "force-dynamic";

/** Home is the prompts overview; signing in first keeps "/" as the address to come back to. */
export default async function HomePage() {
  await requireCaller("prompts:read", "/");
  redirect("/prompts");
}
