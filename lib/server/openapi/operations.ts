import "server-only";
import { z } from "zod";
import {
  phaseInput,
  createPromptSchema,
  listPromptsQuery,
  rollbackSchema,
  updatePromptSchema,
} from "@/lib/domain/schemas/prompt";
import { resolveRequestSchema } from "@/lib/domain/schemas/resolve";
import { importReportSchema, importRequestSchema, importStreamEventSchema } from "@/lib/domain/schemas/import";
import { djangoFixtureSchema, exportQuerySchema, nativeExportSchema } from "@/lib/domain/schemas/prompt-files";
import {
  catalogResponseSchema,
  errorResponseSchema,
  healthResponseSchema,
  readinessResponseSchema,
  promptPageSchema,
  promptReceiptSchema,
  promptSchema,
  writtenPromptSchema,
  resolveResponseSchema,
  rollbackResponseSchema,
} from "@/lib/domain/schemas/responses";
import { createApiKeySchema, createUserSchema, updateUserSchema } from "@/lib/domain/schemas/account";
import {
  apiKeyListSchema,
  apiKeySchema,
  auditEventSchema,
  auditPageSchema,
  createdApiKeySchema,
  userListSchema,
  userSchema,
} from "@/lib/domain/schemas/account-responses";

import { actionImportReportSchema } from "@/lib/domain/schemas/action-import";
import { ADMIN_OPERATIONS } from "./admin-operations";
import { RELEASE_OPERATIONS } from "./release-operations";
import { ACTION_OPERATIONS } from "./action-operations";
import { EVENT_OPERATIONS } from "./event-operations";
import { WEBHOOK_OPERATIONS } from "./webhook-operations";
import { createWebhookSchema } from "@/lib/domain/schemas/webhook";
import {
  createdWebhookSchema,
  webhookDeliveryListSchema,
  webhookDeliverySchema,
  webhookListSchema,
  webhookSchema,
} from "@/lib/domain/schemas/webhook-responses";

/**
 * Every API operation with the zod schemas its route handler uses. The OpenAPI document and the
 * reference page are generated from this list; a test checks it against the route files.
 */
export interface ApiOperation {
  method: "get" | "post" | "put" | "patch" | "delete";
  path: string;
  operationId: string;
  tag: "Resolve" | "Prompts" | "Releases" | "Import and export" | "Actions" | "Events" | "Webhooks" | "Admin" | "Meta";
  summary: string;
  description?: string;
  /** Public operations need no credentials; the others take a session or an API key. */
  public?: boolean;
  query?: z.ZodObject;
  pathParams?: Record<string, { description: string; schema: z.ZodType }>;
  body?: z.ZodType;
  responses: Record<number, { description: string; content?: Record<string, z.ZodType | "text" | "object"> }>;
  /** Error statuses besides 401/403 (added for non-public operations) and the catch-all 500. */
  errors?: number[];
}

/** Schemas named in `components.schemas`; request schemas are read as input, the rest as output. */
export const NAMED_REQUEST_SCHEMAS = {
  ResolveRequest: resolveRequestSchema,
  NewPrompt: createPromptSchema,
  PromptPatch: updatePromptSchema,
  Rollback: rollbackSchema,
  ImportRequest: importRequestSchema,
  NewUser: createUserSchema,
  UserPatch: updateUserSchema,
  NewApiKey: createApiKeySchema,
  NewWebhook: createWebhookSchema,
} as const;
/** What `GET /api/export` answers, depending on `format`. */
const exportFileSchema = z.union([nativeExportSchema, djangoFixtureSchema]);

export const NAMED_RESPONSE_SCHEMAS = {
  Prompt: promptSchema,
  PromptReceipt: promptReceiptSchema,
  PromptPage: promptPageSchema,
  ResolveResponse: resolveResponseSchema,
  Catalog: catalogResponseSchema,
  Health: healthResponseSchema,
  Readiness: readinessResponseSchema,
  RollbackResult: rollbackResponseSchema,
  Error: errorResponseSchema,
  NativeExport: nativeExportSchema,
  DjangoFixture: djangoFixtureSchema,
  ExportFile: exportFileSchema,
  ImportReport: importReportSchema,
  ImportStreamEvent: importStreamEventSchema,
  User: userSchema,
  UserList: userListSchema,
  ApiKey: apiKeySchema,
  ApiKeyList: apiKeyListSchema,
  CreatedApiKey: createdApiKeySchema,
  AuditEvent: auditEventSchema,
  AuditPage: auditPageSchema,
  Webhook: webhookSchema,
  WebhookList: webhookListSchema,
  CreatedWebhook: createdWebhookSchema,
  WebhookDelivery: webhookDeliverySchema,
  WebhookDeliveryList: webhookDeliveryListSchema,
} as const;

const json = (schema: z.ZodType) => ({ "application/json": schema });
const promptId = { id: { description: "The version's id (UUID)", schema: z.string() } };

export const OPERATIONS: ApiOperation[] = [
  {
    method: "post",
    path: "/api/resolve",
    operationId: "resolve",
    tag: "Resolve",
    summary: "Resolve the serving prompt of a phase, filled in with the caller's context",
    description:
      "Picks the highest active version (or a pinned `version`), renders it and assembles system context, user notes, body, actions and recent conversation. `phase` is the stored value or the enum name in any case.",
    body: resolveRequestSchema,
    errors: [400, 404, 422, 503],
    responses: { 200: { description: "The assembled prompt", content: json(resolveResponseSchema) } },
  },
  {
    method: "get",
    path: "/api/prompts",
    operationId: "listPrompts",
    tag: "Prompts",
    summary: "List versions, newest first, with filters and a cursor",
    query: listPromptsQuery,
    errors: [400, 503],
    responses: { 200: { description: "One page of versions", content: json(promptPageSchema) } },
  },
  {
    method: "post",
    path: "/api/prompts",
    operationId: "createPrompt",
    tag: "Prompts",
    summary: "Save a new version (the next number of its phase); a draft unless isActive: true",
    description:
      "Saved inactive (a draft) by default: production does not serve it until a release makes it the production version. `isActive: true` serves it at once when the release policy requires no approval, else 409 `review_required`. A placeholder that is not a catalog context key is refused with 422 `invalid_template` naming it. 409 `conflict` when the editor's `expectedLatestVersion` check fails.",
    body: createPromptSchema,
    errors: [400, 409, 422, 503],
    responses: {
      201: {
        description: "The new version (a PromptReceipt, without body, for a key without `prompts:read`)",
        content: json(writtenPromptSchema),
      },
    },
  },
  {
    method: "get",
    path: "/api/prompts/{id}",
    operationId: "getPrompt",
    tag: "Prompts",
    summary: "Get one version",
    pathParams: promptId,
    errors: [404, 503],
    responses: { 200: { description: "The version", content: json(promptSchema) } },
  },
  {
    method: "patch",
    path: "/api/prompts/{id}",
    operationId: "updatePrompt",
    tag: "Prompts",
    summary: "Change name, description or isActive in place",
    description:
      "Content fields (body, keys, actions, type, phase, version, change note) never change in place: 409 `immutable_field`. Changing `isActive` changes production: 409 `review_required` while the release policy requires approval (open a release instead).",
    pathParams: promptId,
    body: updatePromptSchema,
    errors: [400, 404, 409, 503],
    responses: {
      200: {
        description: "The updated version (a PromptReceipt, without body, for a key without `prompts:read`)",
        content: json(writtenPromptSchema),
      },
    },
  },
  {
    method: "post",
    path: "/api/phases/{phase}/rollback",
    operationId: "rollbackPhase",
    tag: "Prompts",
    summary: "Serve version N again: deactivate every active version above it",
    description:
      "409 `review_required` while the release policy requires approval (open a release for version N instead), except an admin's emergency rollback `{toVersion, emergency: true, note}`, which serves at once and is audited as `phase.emergency_rollback`.",
    pathParams: { phase: { description: "Stored value or enum name, any case", schema: phaseInput } },
    body: rollbackSchema,
    errors: [400, 404, 409, 503],
    responses: {
      200: { description: "The phase's serving version and what changed", content: json(rollbackResponseSchema) },
    },
  },
  {
    method: "get",
    path: "/api/catalog",
    operationId: "getCatalog",
    tag: "Meta",
    summary: "Phases, context keys, action types (with parameter schemas) and prompt types",
    responses: { 200: { description: "The catalog", content: json(catalogResponseSchema) } },
  },
  {
    method: "get",
    path: "/api/health",
    operationId: "getHealth",
    tag: "Meta",
    public: true,
    summary: "Liveness, database reachability and the cache listener (200 even when degraded)",
    responses: { 200: { description: "Health", content: json(healthResponseSchema) } },
  },
  {
    method: "get",
    path: "/api/health/ready",
    operationId: "getReadiness",
    tag: "Meta",
    public: true,
    summary: "Readiness for a load balancer: 503 until migrated, listening and warmed up, and from SIGTERM on",
    responses: {
      200: { description: "Ready for traffic", content: json(readinessResponseSchema) },
      503: { description: "Not ready (starting, deaf, or draining)", content: json(readinessResponseSchema) },
    },
  },
  {
    method: "get",
    path: "/api/export",
    operationId: "exportPrompts",
    tag: "Import and export",
    summary: "Download versions as a native or Django file",
    description:
      "Deterministic bytes: phase-less first, then by phase and version; fixed key order; UTC timestamps with microseconds. `native` imports back unchanged; `django` is the old system's `dumpdata` layout.",
    query: exportQuerySchema,
    errors: [400, 503],
    responses: { 200: { description: "The file (Content-Disposition: attachment)", content: json(exportFileSchema) } },
  },
  {
    method: "post",
    path: "/api/import",
    operationId: "importPrompts",
    tag: "Import and export",
    summary: "Dry-run or apply an import of a native or Django prompt file, or an action file",
    description:
      "A dry run unless `dryRun` is false. Applying inserts only (never overwrites), in one transaction, and only when no row is blocked; otherwise 400 with the report in `error.details.report`. With `Accept: application/x-ndjson` a prompt import streams one ImportStreamEvent per line (progress, then the report or the error). An action file (`{actions: [{action_type, description, params_schema}]}`, the old system's dev-coach-actions.json) is recognised by its shape: its wording becomes new active versions of the action instructions, and the answer is an ActionImportReport.",
    body: importRequestSchema,
    errors: [400, 503],
    responses: {
      200: {
        description: "The import report",
        content: {
          "application/json": z.union([importReportSchema, actionImportReportSchema]),
          "application/x-ndjson": importStreamEventSchema,
        },
      },
    },
  },
  {
    method: "get",
    path: "/api/openapi.json",
    operationId: "getOpenApi",
    tag: "Meta",
    public: true,
    summary: "This OpenAPI 3.1 document",
    responses: { 200: { description: "The document", content: { "application/json": "object" } } },
  },
  {
    method: "get",
    path: "/api/docs",
    operationId: "getApiReference",
    tag: "Meta",
    public: true,
    summary: "Readable API reference generated from this document",
    responses: { 200: { description: "HTML page", content: { "text/html": "text" } } },
  },
  ...RELEASE_OPERATIONS,
  ...ACTION_OPERATIONS,
  ...EVENT_OPERATIONS,
  ...WEBHOOK_OPERATIONS,
  ...ADMIN_OPERATIONS,
];
