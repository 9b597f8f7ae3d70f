/** Typed client for the Prompt Manager API (resolve, prompts, import/export). Works in Node 20+ and browsers. */
export {
  PromptManagerClient,
  type PromptManagerClientOptions,
  type ResolveRequest,
  type NewPrompt,
  type PromptPatch,
  type ListPromptsQuery,
  type ExportQuery,
} from "./client";
export { PromptManagerError, type ClientErrorCode } from "./errors";
export type { CallOptions } from "./http";
export type { ResolveCacheOptions } from "./resolve-cache";
export { ReleaseCalls } from "./release-calls";
export type { ReleasePolicy } from "@/lib/domain/schemas/release-policy";
export type { Staging } from "@/lib/domain/schemas/staging";
export type { ReleaseDto, ReleasePage } from "@/lib/domain/schemas/release";
export type {
  ChangeEvent,
  PromptChangedEvent,
  ActionChangedEvent,
  ResyncEvent,
  StreamStateEvent,
  SubscribeOptions,
  Subscription,
} from "./events";
export { readSse, type SseMessage } from "./sse";
export type {
  CatalogResponse,
  HealthResponse,
  PromptPage,
  PromptResponse,
  ResolveResponse,
  RollbackResponse,
} from "@/lib/domain/schemas/responses";
export type { ImportProgress, ImportReport, ImportRequest } from "@/lib/domain/schemas/import";
