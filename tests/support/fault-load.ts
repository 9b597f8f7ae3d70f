import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { startEmbedded, type EmbeddedDatabase } from "@/lib/server/db/embedded";
import { migrate } from "@/lib/server/db/migrate";
import * as resolve from "@/app/api/resolve/route";
import { call } from "./http";

/** Resolves of three phases (one phase-less) whose demo prompts the fault tests cache before the fault. */
export const CACHED_REQUESTS = [
  { phase: "introduction", context: { user_name: "Ada" } },
  { phase: "get_to_know_you", context: { user_name: "Ada", asked_questions: "none", user_notes: "" } },
  { promptType: "sentinel", context: { previous_message: "a", current_message: "b", current_phase: "introduction" } },
];

export const postResolve = (body: unknown) => call(resolve.POST, { method: "POST", body });

export interface Sample {
  at: number;
  ms: number;
  status: number;
  cache: string | null;
  version: number | undefined;
}

/** Resolves CACHED_REQUESTS round-robin from `workers` loops until `stop()`, keeping every answer. */
export function resolveLoad(workers: number) {
  const samples: Sample[] = [];
  let running = true;
  const loops = Array.from({ length: workers }, async (_, w) => {
    for (let i = w; running; i++) {
      // Yield to I/O between requests, as a server does (it sees a request only when its socket has data);
      // a loop of in-process calls answered from memory would otherwise starve timers and I/O.
      await new Promise((r) => setImmediate(r));
      const started = Date.now();
      const res = await postResolve(CACHED_REQUESTS[i % CACHED_REQUESTS.length]);
      samples.push({
        at: Date.now(),
        ms: Date.now() - started,
        status: res.status,
        cache: res.headers.get("x-prompt-cache"),
        version: res.body?.prompt?.version,
      });
    }
  });
  return {
    samples,
    stop: async () => {
      running = false;
      await Promise.all(loops);
    },
  };
}

/**
 * A PostgreSQL of the test's own in a temp folder (faults are injected into it, so never the shared
 * server), migrated. `restart` starts it again on the same folder and port after `database.stop()`.
 */
export async function ownDatabase(port: number) {
  const dir = await mkdtemp(path.join(tmpdir(), "pm-fault-"));
  const own = { database: (await startEmbedded({ dir, port })) as EmbeddedDatabase };
  await migrate(own.database.url);
  return Object.assign(own, {
    restart: async () => {
      own.database = await startEmbedded({ dir, port });
    },
    remove: async () => {
      await own.database.stop();
      await rm(dir, { recursive: true, force: true });
    },
  });
}
