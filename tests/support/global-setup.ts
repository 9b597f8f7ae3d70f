import type { TestProject } from "vitest/node";
import { migrate } from "@/lib/server/db/migrate";
import { openAdminDatabase, urlForDatabase, withAdmin } from "./admin-database";

declare module "vitest" {
  export interface ProvidedContext {
    adminUrl: string;
    templateDb: string;
  }
}

/**
 * Migrates one template database per run; each test file then clones it (CREATE DATABASE … TEMPLATE),
 * which is much faster than migrating per file and keeps files fully isolated.
 */
export default async function setup(project: TestProject) {
  const admin = await openAdminDatabase();
  const templateDb = `pm_template_${process.pid}`;
  await withAdmin(admin.url, async (c) => {
    await c.query(`DROP DATABASE IF EXISTS "${templateDb}" WITH (FORCE)`);
    await c.query(`CREATE DATABASE "${templateDb}"`);
  });
  await migrate(urlForDatabase(admin.url, templateDb));
  project.provide("adminUrl", admin.url);
  project.provide("templateDb", templateDb);
  return async () => {
    await withAdmin(admin.url, (c) => c.query(`DROP DATABASE IF EXISTS "${templateDb}" WITH (FORCE)`));
    await admin.embedded?.stop();
  };
}
