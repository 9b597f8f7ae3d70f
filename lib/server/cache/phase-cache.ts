import "server-only";

/** How an answer was obtained: fresh from memory, loaded from the database, or last known good. */
export type CacheStatus = "hit" | "miss" | "stale";

export interface Cached<V> {
  value: V;
  status: CacheStatus;
}

export interface PhaseCacheOptions {
  /** Safety net: an entry is reloaded after this long even if no invalidation arrived. */
  ttlMs: number;
  /** With a last known good value at hand, wait at most this long for the database before serving it. */
  staleAfterMs: number;
  /** Bound on remembered entries (pinned versions could otherwise grow without limit). */
  maxEntries: number;
  /** Whether a load failure means "the database is unreachable" (then the stale value is served). */
  isUnavailable: (error: unknown) => boolean;
  /**
   * Items (e.g. "serving:*") reloaded as soon as their phase is invalidated, before anyone asks: the
   * next lookup then answers from memory, or joins that load, instead of starting one. Others load on demand.
   */
  refreshAhead?: (item: string) => boolean;
  now?: () => number;
}

interface Entry {
  value: unknown;
  loadedAt: number;
  epoch: number;
  gen: number;
  seq: number;
  load: () => Promise<unknown>;
}

// Phases are strings; prompts without a phase need a key of their own that no phase can take.
const NO_PHASE = "\u0000none";

/**
 * Database lookups remembered per coaching phase, kept correct by invalidation rather than by expiry:
 * a change to a phase bumps that phase's generation, a flush bumps the global epoch, and an entry is
 * fresh only while both still match, it is younger than the TTL, and invalidations are arriving at
 * all (`setListening`). Entries that are no longer fresh are kept as the last known good value, so a
 * lookup whose reload fails because the database is down answers with it, marked `stale`.
 */
export class PhaseCache {
  private epoch = 0;
  private loads = 0; // numbers loads in the order they started
  private listening = false;
  private readonly gens = new Map<string, number>();
  private readonly entries = new Map<string, Entry>();
  private readonly flights = new Map<string, Promise<unknown>>();
  private readonly now: () => number;

  constructor(private readonly opts: PhaseCacheOptions) {
    this.now = opts.now ?? Date.now;
  }

  /** While invalidations cannot arrive (listener down), nothing counts as fresh: every lookup reloads. */
  setListening(listening: boolean): void {
    // Coming (back) up: changes may have been missed while deaf, so everything from before is suspect.
    if (listening && !this.listening) this.epoch++;
    this.listening = listening;
  }

  invalidatePhase(phase: string | null): void {
    const phaseKey = phase ?? NO_PHASE;
    const gen = (this.gens.get(phaseKey) ?? 0) + 1;
    this.gens.set(phaseKey, gen);
    this.refresh(phaseKey, gen);
  }

  // A change notification reaches an instance before the saving client even has its answer, so a
  // reload started now is usually done before the next resolve arrives: it then costs no query. The
  // load starts after the invalidation, so a lookup may join it (loadOnce keys flights by generation);
  // a further change bumps the generation again and starts another. Errors surface to lookups only.
  private refresh(phaseKey: string, gen: number): void {
    const wanted = this.opts.refreshAhead;
    if (!wanted || !this.listening) return;
    const prefix = `${phaseKey}\u0000`;
    for (const [key, entry] of [...this.entries]) {
      if (key.startsWith(prefix) && wanted(key.slice(prefix.length)))
        this.loadOnce(key, this.epoch, gen, entry.load).catch(() => undefined);
    }
  }

  invalidateAll(): void {
    this.epoch++;
  }

  async get<V>(phase: string | null, item: string, load: () => Promise<V>): Promise<Cached<V>> {
    const phaseKey = phase ?? NO_PHASE;
    const key = `${phaseKey}\u0000${item}`;
    const epoch = this.epoch;
    const gen = this.gens.get(phaseKey) ?? 0;
    const entry = this.entries.get(key);
    if (
      entry &&
      this.listening &&
      entry.epoch === epoch &&
      entry.gen === gen &&
      this.now() - entry.loadedAt < this.opts.ttlMs
    ) {
      return { value: entry.value as V, status: "hit" };
    }
    const loading = this.loadOnce(key, epoch, gen, load);
    if (!entry) return { value: await loading, status: "miss" };
    return this.orStale(loading, entry.value as V);
  }

  /** Remembered entries, for tests and diagnostics. */
  get size(): number {
    return this.entries.size;
  }

  // Concurrent misses of one key share one query, but only with a load started after the latest
  // invalidation: joining an older one could hand out what was just replaced.
  private loadOnce<V>(key: string, epoch: number, gen: number, load: () => Promise<V>): Promise<V> {
    const flightKey = `${key}\u0000${epoch}\u0000${gen}`;
    const pending = this.flights.get(flightKey);
    if (pending) return pending as Promise<V>;
    const loadedAt = this.now();
    const seq = ++this.loads;
    const flight = load()
      .then((value) => {
        this.store(key, { value, loadedAt, epoch, gen, seq, load });
        return value;
      })
      .finally(() => this.flights.delete(flightKey));
    this.flights.set(flightKey, flight);
    return flight;
  }

  private store(key: string, entry: Entry): void {
    const current = this.entries.get(key);
    // A slow load must not overwrite what a load started after it already stored.
    if (current && current.seq > entry.seq) return;
    this.entries.delete(key); // re-insert: Map order is then least recently loaded first
    this.entries.set(key, entry);
    if (this.entries.size > this.opts.maxEntries) {
      const oldest = this.entries.keys().next();
      if (!oldest.done) this.entries.delete(oldest.value);
    }
  }

  private orStale<V>(loading: Promise<V>, last: V): Promise<Cached<V>> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => resolve({ value: last, status: "stale" }), this.opts.staleAfterMs);
      loading.then(
        (value) => {
          clearTimeout(timer);
          resolve({ value, status: "miss" });
        },
        (error: unknown) => {
          clearTimeout(timer);
          if (this.opts.isUnavailable(error)) resolve({ value: last, status: "stale" });
          else reject(error);
        },
      );
    });
  }
}
