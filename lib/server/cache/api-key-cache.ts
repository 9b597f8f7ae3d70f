import "server-only";
import { isDbUnavailable } from "../db/errors";
import type { ApiKeyRow } from "../repositories/api-key-repository";

/** Raised by migration 20261126040000_api_key_change_notify whenever a key is added or changes. */
export const API_KEY_CHANGES_CHANNEL = "api_key_changes";

const MAX_ENTRIES = 10_000;

interface Entry {
  row: ApiKeyRow | null;
  at: number;
}

/**
 * Key rows by SHA-256, so a warm resolve authenticates without SQL. Entries are trusted only while
 * this instance is listening for key changes (a revocation elsewhere clears them within
 * milliseconds) and for at most `ttlMs`. When the database is unreachable the last known row still
 * answers, so stale-if-error serving also authenticates; nothing can be revoked while it is down.
 * Unknown hashes are cached too (an insert notifies and clears), bounded so random keys cannot grow it.
 */
export class ApiKeyCache {
  private entries = new Map<string, Entry>();
  private listening = false;

  constructor(
    private readonly ttlMs: number,
    private readonly staleAfterMs = Number.POSITIVE_INFINITY,
  ) {}

  /**
   * Losing the listener keeps the entries (they are the fallback while the database is down) but stops
   * trusting them; listening again clears them, since changes may have been missed meanwhile.
   */
  setListening(listening: boolean): void {
    if (listening && !this.listening) this.entries.clear();
    this.listening = listening;
  }

  invalidateAll(): void {
    this.entries.clear();
  }

  async get(keyHash: string, load: () => Promise<ApiKeyRow | null>): Promise<ApiKeyRow | null> {
    const entry = this.entries.get(keyHash);
    if (entry && this.listening && Date.now() - entry.at < this.ttlMs) return entry.row;
    const loading = load().then((row) => {
      if (this.entries.size >= MAX_ENTRIES) this.entries.clear();
      this.entries.set(keyHash, { row, at: Date.now() });
      return row;
    });
    if (!entry) return loading;
    // With a last known row, a hanging database costs at most staleAfterMs, as for prompts.
    let timer: NodeJS.Timeout | undefined;
    const slow = new Promise<ApiKeyRow | null>((resolve) => {
      timer = setTimeout(() => resolve(entry.row), this.staleAfterMs);
    });
    try {
      return await Promise.race([loading, slow]);
    } catch (error) {
      if (isDbUnavailable(error)) return entry.row;
      throw error;
    } finally {
      clearTimeout(timer);
      loading.catch(() => undefined); // a late failure after the stale answer is not unhandled
    }
  }
}
