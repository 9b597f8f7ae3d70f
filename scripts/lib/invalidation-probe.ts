// How soon a save made on one instance is served by others: the fleet test and `npm run bench` (two
// instances, and a fleet behind HAProxy and PgBouncer) both measure it with this one probe.
import { performance } from "node:perf_hooks";
import pg from "pg";

export interface InvalidationProbe {
  /** Base URLs of the instances that take the saves, in turn (save i goes to saveOn[i % length]). */
  saveOn: string[];
  /** Base URLs of the instances polled after each save (the saving one may be among them). */
  watch: string[];
  saves: number;
  /** Authorization for POST /api/prompts and POST /api/resolve. */
  headers: Record<string, string>;
  phase: string;
  /** Saves made before measuring (first misses, JIT, pools); their delays are not counted. */
  warmUpSaves?: number;
  /** A direct connection to the database: the probe LISTENs too and times when each save's NOTIFY arrives. */
  listenUrl?: string;
}

export interface InvalidationFigures {
  saves: number;
  /** One delay per save and watched instance: from the save's 201 to that instance's first answer with it. */
  samples: number;
  p50: number;
  p99: number;
  max: number;
  /** Watched instances that answered from memory (X-Prompt-Cache: hit) right before a save, of samples. */
  warmBeforeSave: number;
  /** Median round trip of a resolve answered from memory: the polling's own granularity. */
  pollP50: number;
  /** Median round trip of the resolve that first served the new version. */
  answerP50: number;
  /** Of samples: how many of those first answers came from memory (reloaded ahead on the NOTIFY). */
  answeredFromMemory: number;
  /** With listenUrl: when the save's NOTIFY reached a listener, from the save's 201 (negative: before it). */
  notify: { p50: number; p99: number } | null;
}

export const percentile = (sorted: number[], q: number): number =>
  sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))]!;

/**
 * After each save's 201, every watched instance is polled back to back until it serves the new version;
 * the delay is what a client of that instance can observe (NOTIFY → invalidation → a resolve that
 * misses and reads the database). Before each save, each watched instance is asked once: it should
 * answer from memory, or the figure would only show it reading the database anyway.
 */
export async function measureInvalidation(p: InvalidationProbe): Promise<InvalidationFigures> {
  const json = { ...p.headers, "content-type": "application/json" };
  const resolveBody = JSON.stringify({ phase: p.phase, context: { user_name: "Ada" } });
  const save = async (i: number): Promise<number> => {
    const res = await fetch(`${p.saveOn[i % p.saveOn.length]}/api/prompts`, {
      method: "POST",
      headers: json,
      body: JSON.stringify({
        coachingPhase: p.phase,
        name: `probe ${i}`,
        body: `Invalidation probe ${i} for {user_name}`,
        requiredContextKeys: ["user_name"],
        isActive: true, // serves at once where the release policy requires no approval
      }),
    });
    if (res.status !== 201) throw new Error(`save ${i} answered ${res.status}: ${await res.text()}`);
    return ((await res.json()) as { version: number }).version;
  };
  const resolveOn = async (url: string) => {
    const res = await fetch(`${url}/api/resolve`, { method: "POST", headers: json, body: resolveBody });
    if (res.status !== 200) throw new Error(`resolve on ${url} answered ${res.status}: ${await res.text()}`);
    return {
      version: ((await res.json()) as { prompt: { version: number } }).prompt.version,
      hit: res.headers.get("x-prompt-cache") === "hit",
    };
  };

  const delays: number[] = [];
  const polls: number[] = [];
  const answers: number[] = [];
  let fromMemory = 0;
  const notifies: number[] = [];
  let notified: number | null = null;
  const listener = p.listenUrl ? new pg.Client({ connectionString: p.listenUrl }) : null;
  if (listener) {
    await listener.connect();
    listener.on("notification", () => (notified ??= performance.now()));
    await listener.query("LISTEN prompt_changes");
  }
  let warm = 0;
  const warmUp = p.warmUpSaves ?? 3;
  for (let i = 0; i < warmUp + p.saves; i++) {
    const measured = i >= warmUp;
    // Before the first save the phase may serve a prompt that needs more context than the probe sends.
    for (const url of i === 0 ? [] : p.watch) {
      const started = performance.now();
      if ((await resolveOn(url)).hit && measured) warm++;
      if (measured) polls.push(performance.now() - started);
    }
    notified = null;
    const version = await save(i);
    const acked = performance.now();
    await Promise.all(
      p.watch.map(async (url) => {
        for (;;) {
          const started = performance.now();
          const answer = await resolveOn(url);
          if (answer.version === version) {
            if (measured) answers.push(performance.now() - started);
            if (measured && answer.hit) fromMemory++;
            break;
          }
          if (performance.now() - acked > 5_000) throw new Error(`${url} did not serve v${version} within 5 s`);
        }
        if (measured) delays.push(performance.now() - acked);
      }),
    );
    if (measured && listener && notified !== null) notifies.push(notified - acked);
  }
  await listener?.end();
  for (const xs of [delays, polls, answers, notifies]) xs.sort((a, b) => a - b);
  return {
    saves: p.saves,
    samples: delays.length,
    p50: percentile(delays, 0.5),
    p99: percentile(delays, 0.99),
    max: delays.at(-1)!,
    warmBeforeSave: warm,
    pollP50: percentile(polls, 0.5),
    answerP50: percentile(answers, 0.5),
    answeredFromMemory: fromMemory,
    notify: notifies.length ? { p50: percentile(notifies, 0.5), p99: percentile(notifies, 0.99) } : null,
  };
}
