/**
 * The caller-side cache for resolve: identical requests share one answer (and one in-flight call).
 * Failures are never cached. Least recently used entries go first.
 *
 * Without events an answer lives `ttlMs`, so it can be up to that much older than what is served.
 * With `events: true` the client follows GET /api/events and drops the entries a change affects as
 * soon as it is announced; while that stream is up entries live `liveTtlMs` (default 10 minutes), and
 * while it is down `ttlMs` is the fallback again.
 */
export interface ResolveCacheOptions {
  ttlMs: number;
  maxEntries?: number;
  /** Keep the cache fresh from the server's change events (see PromptManagerClient.subscribe). */
  events?: boolean;
  /** Entry lifetime while the event stream is connected (default 600,000 ms). */
  liveTtlMs?: number;
}

// The catalog's system-context phase (lib/domain/catalog); the client stays free of domain imports.
const SYSTEM_CONTEXT_PHASE = "system_context";

interface Entry<T> {
  loadedAt: number;
  phase: string | null;
  value: Promise<T>;
}

export class ResolveCache<T> {
  private readonly entries = new Map<string, Entry<T>>();
  private readonly ttlMs: number;
  private readonly liveTtlMs: number;
  private readonly maxEntries: number;
  /** Set by the client while its event stream is connected. */
  live = false;

  constructor(options: ResolveCacheOptions) {
    this.ttlMs = options.ttlMs;
    this.liveTtlMs = options.liveTtlMs ?? 600_000;
    this.maxEntries = options.maxEntries ?? 1_000;
  }

  get(request: unknown, load: () => Promise<T>, now = Date.now()): Promise<T> {
    const key = stableKey(request);
    const hit = this.entries.get(key);
    this.entries.delete(key);
    if (hit && now - hit.loadedAt < (this.live ? this.liveTtlMs : this.ttlMs)) {
      this.entries.set(key, hit); // most recently used goes last
      return hit.value;
    }
    const value = load();
    const entry = { loadedAt: now, phase: phaseOf(request), value };
    this.entries.set(key, entry);
    value.catch(() => {
      if (this.entries.get(key) === entry) this.entries.delete(key);
    });
    while (this.entries.size > this.maxEntries) this.entries.delete(this.entries.keys().next().value as string);
    return value;
  }

  /**
   * Drops what a change of `phase` may have changed: that phase's answers and those of requests
   * without a phase. `system_context` (its prompt frames every phase's answer) and `null` (a
   * phase-less prompt) drop everything. A call in flight is dropped too, so its answer is not kept.
   */
  invalidatePhase(phase: string | null): void {
    if (phase === null || phase.toLowerCase() === SYSTEM_CONTEXT_PHASE) return this.clear();
    for (const [key, entry] of this.entries)
      if (entry.phase === null || entry.phase === phase.toLowerCase()) this.entries.delete(key);
  }

  clear(): void {
    this.entries.clear();
  }

  get size(): number {
    return this.entries.size;
  }
}

function phaseOf(request: unknown): string | null {
  const phase = (request as { phase?: unknown } | null)?.phase;
  return typeof phase === "string" ? phase.toLowerCase() : null;
}

/** JSON with object keys sorted, so {a, b} and {b, a} are one entry. */
export function stableKey(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === "object" && !Array.isArray(v)
      ? Object.fromEntries(
          Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
        )
      : v,
  );
}
