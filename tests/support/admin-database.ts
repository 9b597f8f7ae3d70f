import pg from "pg";
import { startEmbedded, type EmbeddedDatabase } from "@/lib/server/db/embedded";

/**
 * The server tests create their databases on: TEST_DATABASE_URL (CI points it at the machine's
 * PostgreSQL), else an embedded server of their own under .data/test.
 */
export async function openAdminDatabase(): Promise<{ url: string; embedded: EmbeddedDatabase | null }> {
  if (process.env.TEST_DATABASE_URL) return { url: process.env.TEST_DATABASE_URL, embedded: null };
  const embedded = await startEmbedded({ dir: ".data/test", port: Number(process.env.PM_TEST_EMBEDDED_PORT ?? 54339) });
  return { url: embedded.url, embedded };
}

export function urlForDatabase(adminUrl: string, name: string): string {
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

export async function withAdmin<T>(adminUrl: string, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}
