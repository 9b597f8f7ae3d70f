import { createBenchApiKey } from "../api-key";
import { benchPrompt } from "./bench-prompt";

/**
 * Fills the bench database DATABASE_URL points at through the app's own services (like `npm run
 * db:seed`): the demo prompts, the bench prompt, and a release policy without approvals (the
 * invalidation figures time saves that serve at once). Returns the bench's API key.
 */
export async function prepareBenchDatabase(): Promise<string> {
  const { seedDemoPrompts } = await import("@/lib/server/services/seed-service");
  const { createPrompt } = await import("@/lib/server/services/prompt-service");
  const { setReleasePolicy } = await import("@/lib/server/services/release-policy-service");
  const { SYSTEM_CALLER } = await import("@/lib/server/auth/actor");
  const { db } = await import("@/lib/server/db/client");
  await seedDemoPrompts({ onlyIfEmpty: true });
  await setReleasePolicy(SYSTEM_CALLER, { requiredApprovals: 0 });
  await createPrompt(SYSTEM_CALLER, { ...benchPrompt, isActive: true });
  const key = await createBenchApiKey();
  await db().$disconnect();
  return key;
}
