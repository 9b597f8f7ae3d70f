import { randomBytes } from "node:crypto";
import { afterAll, inject } from "vitest";
import { urlForDatabase, withAdmin } from "./admin-database";

// Runs before each integration test file, in its own module graph: the file gets a fresh database
// cloned from the migrated template, and DATABASE_URL points at it before any app module loads.
const adminUrl = inject("adminUrl");
const name = `pm_test_${randomBytes(6).toString("hex")}`;
await withAdmin(adminUrl, (c) => c.query(`CREATE DATABASE "${name}" TEMPLATE "${inject("templateDb")}"`));
process.env.DATABASE_URL = urlForDatabase(adminUrl, name);
process.env.PM_TEST_DATABASE_NAME = name;
process.env.NEXTAUTH_SECRET ??= randomBytes(32).toString("base64url");

afterAll(async () => {
  const { db } = await import("@/lib/server/db/client");
  const { stopPromptCache } = await import("@/lib/server/cache/prompt-cache");
  const { stopSharedListener } = await import("@/lib/server/db/shared-listener");
  await stopPromptCache(); // its LISTEN connection would otherwise keep reconnecting to the dropped database
  await stopSharedListener(); // the event stream's and webhook worker's share of it
  await db().$disconnect();
  await withAdmin(adminUrl, (c) => c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
});
