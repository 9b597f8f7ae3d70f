import "server-only";
import { toWordings, type ActionWordings } from "@/lib/domain/action-instructions";
import { PHASE_VALUES, defaultPromptType, type Phase, type PromptType } from "@/lib/domain/catalog";
import { onCommit } from "../db/after-commit";
import { db } from "../db/client";
import { isDbUnavailable } from "../db/errors";
import { subscribeToChanges } from "../db/shared-listener";
import * as instructions from "../repositories/action-instruction-repository";
import * as prompts from "../repositories/prompt-repository";
import * as staging from "../repositories/staging-repository";
import type { PromptRow } from "../repositories/prompt-repository";
import type { ApiKeyRow } from "../repositories/api-key-repository";
import { API_KEY_CHANGES_CHANNEL, ApiKeyCache } from "./api-key-cache";
import { cacheConfig } from "./cache-config";
import { PhaseCache, type Cached, type CacheStatus } from "./phase-cache";

export type { Cached, CacheStatus };

/** Raised by the trigger of migration 20261126020000_prompt_change_notify on every change to `prompts`. */
export const PROMPT_CHANGES_CHANNEL = "prompt_changes";

/** Raised by the trigger of migration 20261129180000_action_instructions on every change to them. */
export const ACTION_INSTRUCTION_CHANGES_CHANNEL = "action_instruction_changes";

interface PromptCacheState {
  cache: PhaseCache | null;
  /** The serving action wordings, one entry: 22 small rows, always read and dropped together. */
  wordings: PhaseCache | null;
  keys: ApiKeyCache | null;
  /** Whether this cache hears invalidations (null with the cache off). */
  listener: { isListening: () => boolean } | null;
  unsubscribe: (() => Promise<void>) | null;
  unhook: () => void;
  /** Resolves served while the listener was down (each read the database), since the process started. */
  deafResolves: number;
  /** The current outage's deaf resolve has been logged (once per outage). */
  deafLogged: boolean;
  warmedUp: Promise<void> | null;
  /** The listener has been up at least once: from then on this instance's cache can be trusted. */
  listenedOnce: boolean;
  /** The listener reported an outage (or a failed first connection) and is not back yet. */
  down: boolean;
}

// One cache and one listener connection per process (on globalThis for the same reason as the Prisma client).
const holder = globalThis as unknown as { pmPromptCache?: PromptCacheState };

function state(): PromptCacheState {
  return (holder.pmPromptCache ??= create());
}

function create(): PromptCacheState {
  const config = cacheConfig();
  const common = { deafResolves: 0, deafLogged: false, warmedUp: null, listenedOnce: false, down: false };
  if (!config.enabled)
    return {
      cache: null,
      wordings: null,
      keys: null,
      listener: null,
      unsubscribe: null,
      unhook: () => undefined,
      ...common,
    };
  const options = { ...config, isUnavailable: isDbUnavailable };
  // What a save changes is what production or staging serves; pinned versions load when asked.
  const cache = new PhaseCache({ ...options, refreshAhead: (item) => /^(serving|staging):/.test(item) });
  const wordings = new PhaseCache(options);
  // API keys share the listener: a resolve checks its key on every call, so it is cached the same way.
  // Keys are checked before the prompt lookup, so their stale budget is a quarter of it (at most 250 ms):
  // a hanging database then costs a resolve about 1.25 × staleAfterMs in all, not twice. A key lookup
  // by hash answers in milliseconds; one that takes 250 ms means the database is not answering.
  const keys = new ApiKeyCache(config.ttlMs, Math.min(250, config.staleAfterMs / 4));
  let downSince: number | null = null;
  // The process's one LISTEN connection (lib/server/db/shared-listener.ts), shared with the event streams.
  let listening = false;
  const listener = { isListening: () => listening };
  const unsubscribe = subscribeToChanges({
    onNotify: (channel, payload) => {
      if (channel === API_KEY_CHANGES_CHANNEL) keys.invalidateAll();
      else if (channel === ACTION_INSTRUCTION_CHANGES_CHANNEL) wordings.invalidateAll();
      else if (channel === PROMPT_CHANGES_CHANNEL) applyChange(cache, payload);
    },
    onListening: () => {
      listening = true;
      cache.setListening(true);
      wordings.setListening(true);
      keys.setListening(true);
      if (downSince !== null) console.warn(`prompt cache: listening again after ${Date.now() - downSince} ms; flushed`);
      downSince = null;
      result.deafLogged = false;
      result.listenedOnce = true;
      result.down = false;
    },
    onLost: (error) => {
      listening = false;
      cache.setListening(false);
      wordings.setListening(false);
      keys.setListening(false);
      downSince = Date.now();
      result.down = true;
      console.warn(
        `prompt cache: change listener down (${error instanceof Error ? error.message : String(error)}); ` +
          "every resolve reads the database until it is back",
      );
    },
  });
  // Any write of this instance may have replaced a serving prompt; its NOTIFY follows within milliseconds,
  // but a caller that saves and resolves right away must already see the save. Writes are rare.
  const unhook = onCommit(() => {
    cache.invalidateAll();
    wordings.invalidateAll();
    keys.invalidateAll();
  });
  const result: PromptCacheState = { cache, wordings, keys, listener, unsubscribe, unhook, ...common };
  return result;
}

function applyChange(cache: PhaseCache, payload: string): void {
  let change: { phase?: unknown; all?: unknown } = {};
  try {
    change = JSON.parse(payload) as typeof change;
  } catch {
    // Not ours to understand: forgetting everything is always correct.
  }
  if (change.all !== true && (typeof change.phase === "string" || change.phase === null))
    cache.invalidatePhase(change.phase);
  else cache.invalidateAll();
}

/** The highest active version of a phase (optionally of one type), or null when none is active. */
export function servingPrompt(
  phase: Phase | null,
  promptType: PromptType | undefined,
): Promise<Cached<PromptRow | null>> {
  return lookup(phase, `serving:${promptType ?? "*"}`, () => prompts.findServing(db(), { phase, promptType }));
}

/**
 * The staging channel's version of a phase (or of a phase-less type; sentinel when none is named), or
 * null when none is set. Invalidated with the phase: the staging table's trigger notifies like prompts'.
 */
export function stagingPrompt(
  phase: Phase | null,
  promptType: PromptType | undefined,
): Promise<Cached<PromptRow | null>> {
  const scope = { phase, promptType: phase ? null : (promptType ?? defaultPromptType(null)) };
  return lookup(phase, `staging:${scope.promptType ?? "*"}`, () => staging.findStaging(db(), scope));
}

/** One version of a phase whatever its state (callers check isActive), or null when it does not exist. */
export function promptVersion(phase: Phase | null, version: number): Promise<Cached<PromptRow | null>> {
  return lookup(phase, `version:${version}`, () => prompts.findByPhaseVersion(db(), phase, version));
}

async function lookup<V>(phase: Phase | null, item: string, query: () => Promise<V>): Promise<Cached<V>> {
  const load = query;
  const { cache } = state();
  return cache ? cache.get(phase, item, load) : { value: await load(), status: "miss" };
}

/**
 * The serving wording of every action (highest active version each). The same object is handed out
 * until a change arrives, so preparations made with it stay reusable (see prepared-prompts).
 */
export async function servingWordings(): Promise<Cached<ActionWordings>> {
  const load = async () => toWordings(await instructions.findActive(db()));
  const { wordings } = state();
  return wordings ? wordings.get(null, "serving", load) : { value: await load(), status: "miss" };
}

/** An API key row by its hash, from memory when this instance can trust it (see ApiKeyCache). */
export async function cachedApiKey(keyHash: string, load: () => Promise<ApiKeyRow | null>): Promise<ApiKeyRow | null> {
  const { keys } = state();
  return keys ? keys.get(keyHash, load) : load();
}

/** Closes the listener connection (tests, before dropping their database). The next lookup starts afresh. */
export async function stopPromptCache(): Promise<void> {
  const current = holder.pmPromptCache;
  holder.pmPromptCache = undefined;
  current?.unhook();
  await current?.unsubscribe?.();
}

/** Whether this instance receives invalidations (null with the cache off); starts the cache if need be. */
export function promptCacheListening(): boolean | null {
  const { listener } = state();
  return listener ? listener.isListening() : null;
}

/**
 * Called once per resolve served. While the listener is down every resolve reads the database (correct,
 * but slower, and a sign the LISTEN connection cannot work, e.g. through a transaction-mode pooler),
 * so such resolves are counted for /api/health and the first of each outage is logged.
 */
export function noteResolveServed(): void {
  const s = state();
  if (!s.listener || s.listener.isListening() || !s.down) return; // still connecting is not an outage
  s.deafResolves++;
  if (s.deafLogged) return;
  s.deafLogged = true;
  console.warn(
    "prompt cache: served a resolve while deaf (change listener down): reading the database on every resolve " +
      "until it is back; check PM_LISTEN_DATABASE_URL is a direct, session-mode connection",
  );
}

export interface PromptCacheHealth {
  /** "starting": the first connection is still being made. */
  listener: "up" | "starting" | "down" | "off";
  deafResolves: number;
  /** The listener has been up since the cache started (always true with the cache off). */
  listenedOnce: boolean;
}

export function promptCacheHealth(): PromptCacheHealth {
  const s = state();
  const listener = !s.listener ? "off" : s.listener.isListening() ? "up" : s.down ? "down" : "starting";
  return { listener, deafResolves: s.deafResolves, listenedOnce: !s.listener || s.listenedOnce };
}

/**
 * Loads every phase's serving prompt (and the phase-less ones) into memory, once, so the first
 * resolves after a start or restart do not all queue on the database. Only worth it while listening:
 * a deaf cache keeps nothing.
 */
export function warmUpPromptCache(): Promise<void> {
  const s = state();
  s.warmedUp ??= Promise.all([null, ...PHASE_VALUES].map((phase) => servingPrompt(phase, undefined))).then(
    () => undefined,
    (error: unknown) => {
      s.warmedUp = null; // try again on the next readiness check
      throw error;
    },
  );
  return s.warmedUp;
}
