import { ERROR_STATUS, type ErrorCode } from "@/lib/domain/errors";
import type { ImportProgress, ImportReport, ImportRequest, ImportStreamEvent } from "@/lib/domain/schemas/import";
import type { z } from "zod";
import type { createPromptSchema, listPromptsQuery, updatePromptSchema } from "@/lib/domain/schemas/prompt";
import type { exportQuerySchema } from "@/lib/domain/schemas/prompt-files";
import type { resolveRequestSchema } from "@/lib/domain/schemas/resolve";
import type {
  CatalogResponse,
  HealthResponse,
  PromptPage,
  PromptResponse,
  ResolveResponse,
  RollbackResponse,
} from "@/lib/domain/schemas/responses";
import { PromptManagerError } from "./errors";
import { ndjsonLines, send, type CallOptions, type Transport } from "./http";
import { ReleaseCalls } from "./release-calls";
import { subscribeToEvents, type ChangeEvent, type SubscribeOptions, type Subscription } from "./events";
import { ResolveCache, type ResolveCacheOptions } from "./resolve-cache";

export type ResolveRequest = z.input<typeof resolveRequestSchema>;
export type NewPrompt = z.input<typeof createPromptSchema>;
export type PromptPatch = z.input<typeof updatePromptSchema>;
export type ListPromptsQuery = Partial<Record<keyof z.input<typeof listPromptsQuery>, string | number | boolean>>;
export type ExportQuery = Partial<Record<keyof z.input<typeof exportQuerySchema>, string | boolean>>;

export interface PromptManagerClientOptions {
  /** Where the app runs, e.g. "http://localhost:3000". */
  baseUrl: string;
  /** Sent as `Authorization: Bearer <apiKey>`. */
  apiKey?: string;
  /** Per-call deadline in milliseconds (default 10 s; imports default to 5 minutes). */
  timeoutMs?: number;
  /** Cache resolve answers on the caller's side for `ttlMs` (kept fresh by events with `events: true`); off unless given. */
  resolveCache?: ResolveCacheOptions;
  /** A fetch implementation (default: the global one). */
  fetch?: typeof fetch;
}

const IMPORT_TIMEOUT_MS = 5 * 60_000;

/**
 * A small typed client for the Prompt Manager API. Types come from the same zod schemas the routes
 * use (type-only imports: no runtime dependency). Results of a cached resolve are shared between
 * callers, so treat them as read-only.
 */
export class PromptManagerClient {
  private readonly transport: Transport;
  private readonly cache: ResolveCache<ResolveResponse> | null;
  /** Release policy, staging channel and releases. */
  readonly releases: ReleaseCalls;
  private readonly cacheEvents: boolean;
  private cacheSubscription: Subscription | null = null;

  constructor(options: PromptManagerClientOptions) {
    this.transport = {
      baseUrl: options.baseUrl,
      apiKey: options.apiKey,
      timeoutMs: options.timeoutMs ?? 10_000,
      fetch: options.fetch ?? ((...args) => globalThis.fetch(...args)),
    };
    this.cache = options.resolveCache ? new ResolveCache(options.resolveCache) : null;
    this.releases = new ReleaseCalls(this.transport);
    this.cacheEvents = options.resolveCache?.events === true;
  }

  /**
   * The serving prompt of a phase, filled in. `cache: false` skips the client's cache for this call.
   * With `resolveCache.events`, the first call starts following the event stream (stop it with close()).
   */
  resolve(request: ResolveRequest, options: CallOptions & { cache?: boolean } = {}): Promise<ResolveResponse> {
    const load = () =>
      send<ResolveResponse>(this.transport, { method: "POST", path: "api/resolve", body: request }, options);
    if (!this.cache || options.cache === false) return load();
    if (this.cacheEvents && !this.cacheSubscription) this.cacheSubscription = this.followForCache(this.cache);
    return this.cache.get(request, load);
  }

  /** Whether the resolve cache is being kept fresh by the event stream right now (else its TTL applies). */
  get resolveCacheLive(): boolean {
    return this.cache?.live ?? false;
  }

  clearResolveCache(): void {
    this.cache?.clear();
  }

  /**
   * Follows GET /api/events (needs the `resolve` scope): `onEvent` gets `prompt.changed`,
   * `action.changed` and `resync` events, across reconnects (which resume from the last event id).
   */
  subscribe(onEvent: (event: ChangeEvent) => void, options?: SubscribeOptions): Subscription {
    return subscribeToEvents(this.transport, onEvent, options);
  }

  /** Stops the cache's event stream, if any (the client stays usable). */
  close(): void {
    this.cacheSubscription?.close();
    this.cacheSubscription = null;
  }

  private followForCache(cache: ResolveCache<ResolveResponse>): Subscription {
    return this.subscribe(
      (event) => {
        if (event.type === "prompt.changed") {
          // Staging changes do not touch what resolve serves by default; a channel-pinned request is
          // keyed by its channel, so drop the phase either way.
          cache.invalidatePhase(event.phase);
        } else cache.clear();
      },
      {
        onState: (state) => {
          // Answers cached while the stream was down may have missed events: start over on reconnect.
          if (state.connected && !cache.live) cache.clear();
          cache.live = state.connected;
        },
      },
    );
  }

  listPrompts(query: ListPromptsQuery = {}, options?: CallOptions): Promise<PromptPage> {
    return send(this.transport, { method: "GET", path: "api/prompts", query }, options);
  }

  getPrompt(id: string, options?: CallOptions): Promise<PromptResponse> {
    return send(this.transport, { method: "GET", path: `api/prompts/${encodeURIComponent(id)}` }, options);
  }

  /** A write-only key (no `prompts:read`) gets only `{id, coachingPhase, version, isActive}` back. */
  createPrompt(prompt: NewPrompt, options?: CallOptions): Promise<PromptResponse> {
    return send(this.transport, { method: "POST", path: "api/prompts", body: prompt }, options);
  }

  /** A write-only key (no `prompts:read`) gets only `{id, coachingPhase, version, isActive}` back. */
  updatePrompt(id: string, patch: PromptPatch, options?: CallOptions): Promise<PromptResponse> {
    return send(
      this.transport,
      { method: "PATCH", path: `api/prompts/${encodeURIComponent(id)}`, body: patch },
      options,
    );
  }

  rollbackPhase(phase: string, toVersion: number, options?: CallOptions): Promise<RollbackResponse> {
    return send(
      this.transport,
      { method: "POST", path: `api/phases/${encodeURIComponent(phase)}/rollback`, body: { toVersion } },
      options,
    );
  }

  catalog(options?: CallOptions): Promise<CatalogResponse> {
    return send(this.transport, { method: "GET", path: "api/catalog" }, options);
  }

  health(options?: CallOptions): Promise<HealthResponse> {
    return send(this.transport, { method: "GET", path: "api/health" }, options);
  }

  /** The export file's exact text (parse it with JSON.parse if needed). */
  exportPrompts(query: ExportQuery = {}, options?: CallOptions): Promise<string> {
    return send(this.transport, { method: "GET", path: "api/export", query }, options, (res) => res.text());
  }

  /** Dry run unless `dryRun: false`. With `onProgress`, progress streams while the server works. */
  importPrompts(
    request: ImportRequest,
    options: CallOptions & { onProgress?: (progress: ImportProgress) => void } = {},
  ): Promise<ImportReport> {
    const { onProgress, ...call } = options;
    const timed = { ...call, timeoutMs: call.timeoutMs ?? Math.max(IMPORT_TIMEOUT_MS, this.transport.timeoutMs) };
    if (!onProgress) return send(this.transport, { method: "POST", path: "api/import", body: request }, timed);
    return send(
      this.transport,
      { method: "POST", path: "api/import", body: request, accept: "application/x-ndjson" },
      timed,
      async (res) => {
        for await (const line of ndjsonLines(res)) {
          const event = line as ImportStreamEvent;
          if (event.type === "progress") onProgress(event);
          else if (event.type === "report") return event.report;
          else throw streamError(event.error, res);
        }
        throw new PromptManagerError({
          code: "bad_response",
          status: res.status,
          message: "The import stream ended without a report",
        });
      },
    );
  }
}

/** An error that arrived in-band after streaming began; its status is the one the code maps to. */
function streamError(error: { code: string; message: string; details: unknown }, res: Response): PromptManagerError {
  const code = (error.code in ERROR_STATUS ? error.code : "internal") as ErrorCode;
  return new PromptManagerError({
    code,
    status: ERROR_STATUS[code],
    message: error.message,
    details: error.details,
    requestId: res.headers.get("x-request-id"),
  });
}
