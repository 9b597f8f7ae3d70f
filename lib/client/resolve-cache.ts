/**
 * The caller-side cache for resolve: identical requests within `ttlMs` share one answer (and one
 * in-flight call). A cached answer can be up to `ttlMs` older than the serving version, which is the
 * trade the caller opts into. Failures are never cached. Least recently used entries go first.
 */
export interface ResolveCacheOptions {
  ttlMs: number;
  maxEntries?: number;
}

export class ResolveCache<T> {
  private readonly entries = new Map<string, { expires: number; value: Promise<T> }>();
  private readonly ttlMs: number;
  private readonly maxEntries: number;

  constructor(options: ResolveCacheOptions) {
    this.ttlMs = options.ttlMs;
    this.maxEntries = options.maxEntries ?? 1_000;
  }

  get(request: unknown, load: () => Promise<T>, now = Date.now()): Promise<T> {
    const key = stableKey(request);
    const hit = this.entries.get(key);
    this.entries.delete(key);
    if (hit && hit.expires > now) {
      this.entries.set(key, hit); // most recently used goes last
      return hit.value;
    }
    const value = load();
    const entry = { expires: now + this.ttlMs, value };
    this.entries.set(key, entry);
    value.catch(() => {
      if (this.entries.get(key) === entry) this.entries.delete(key);
    });
    while (this.entries.size > this.maxEntries) this.entries.delete(this.entries.keys().next().value as string);
    return value;
  }

  clear(): void {
    this.entries.clear();
  }

  get size(): number {
    return this.entries.size;
  }
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
