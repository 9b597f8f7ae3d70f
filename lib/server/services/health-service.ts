import "server-only";
import { db } from "../db/client";

export interface Health {
  status: "ok" | "degraded";
  db: "up" | "down";
}

/** One trivial query with a short deadline: cheap enough for load balancers to poll. */
export async function checkHealth(): Promise<Health> {
  try {
    await Promise.race([
      db().$queryRaw`SELECT 1`,
      new Promise((_, reject) => setTimeout(() => reject(new Error("health check timed out")), 2_000).unref()),
    ]);
    return { status: "ok", db: "up" };
  } catch {
    return { status: "degraded", db: "down" };
  }
}
