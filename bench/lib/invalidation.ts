import { performance } from "node:perf_hooks";
import type { AppServer } from "@/scripts/lib/app-server";

const PHASE = "identity_affirmation";
const resolveBody = JSON.stringify({ phase: PHASE, context: { user_name: "Ada" } });

export interface InvalidationFigures {
  saves: number;
  p50: number;
  p99: number;
  max: number;
  warmBeforeSave: number;
}

/**
 * Saves a new version on instance A `saves` times; after each acknowledgement (201) polls instance B
 * back to back until B serves that version. The delay from A's 201 to B's first answer with the new
 * version is what a client of B can observe. Before each save, B must be answering from memory
 * (`X-Prompt-Cache: hit`), or the measurement would only show B reading the database anyway.
 */
export async function measureInvalidation(
  a: AppServer,
  b: AppServer,
  saves: number,
  headers: Record<string, string>,
): Promise<InvalidationFigures> {
  const json = { ...headers, "content-type": "application/json" };
  const save = async (i: number): Promise<number> => {
    const res = await fetch(`${a.url}/api/prompts`, {
      method: "POST",
      headers: json,
      body: JSON.stringify({
        coachingPhase: PHASE,
        name: `probe ${i}`,
        body: `Invalidation probe ${i} for {user_name}`,
        requiredContextKeys: ["user_name"],
        isActive: true, // serve at once (the bench database's release policy requires no approval)
      }),
    });
    if (res.status !== 201) throw new Error(`save on A answered ${res.status}: ${await res.text()}`);
    return ((await res.json()) as { version: number }).version;
  };
  const resolveOnB = async () => {
    const res = await fetch(`${b.url}/api/resolve`, { method: "POST", headers: json, body: resolveBody });
    if (res.status !== 200) throw new Error(`resolve on B answered ${res.status}: ${await res.text()}`);
    return {
      version: ((await res.json()) as { prompt: { version: number } }).prompt.version,
      cache: res.headers.get("x-prompt-cache"),
    };
  };

  await save(0);
  const warmDeadline = Date.now() + 10_000;
  while ((await resolveOnB()).cache !== "hit") {
    if (Date.now() > warmDeadline) throw new Error("B never answered from memory (is its change listener up?)");
  }
  const latencies: number[] = [];
  let warm = 0;
  for (let i = 1; i <= saves; i++) {
    if ((await resolveOnB()).cache === "hit") warm++;
    const version = await save(i);
    const acked = performance.now();
    for (;;) {
      if ((await resolveOnB()).version === version) break;
      if (performance.now() - acked > 5_000) throw new Error(`B did not serve v${version} within 5 s`);
    }
    latencies.push(performance.now() - acked);
  }
  const sorted = [...latencies].sort((x, y) => x - y);
  const pct = (p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
  return { saves, p50: pct(50), p99: pct(99), max: sorted.at(-1)!, warmBeforeSave: warm };
}
