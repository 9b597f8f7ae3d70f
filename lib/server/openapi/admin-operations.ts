import "server-only";
import { z } from "zod";
import { auditQuerySchema, createApiKeySchema, createUserSchema, updateUserSchema } from "@/lib/domain/schemas/account";
import {
  apiKeyListSchema,
  apiKeySchema,
  auditPageSchema,
  createdApiKeySchema,
  userListSchema,
  userSchema,
} from "@/lib/domain/schemas/account-responses";
import type { ApiOperation } from "./operations";

const json = (schema: z.ZodType) => ({ "application/json": schema });
const id = (what: string) => ({ id: { description: `The ${what}'s id (UUID)`, schema: z.string() } });

/** People, service keys and the audit log: admin sessions only (API keys never carry "admin"). */
export const ADMIN_OPERATIONS: ApiOperation[] = [
  {
    method: "get",
    path: "/api/users",
    operationId: "listUsers",
    tag: "Admin",
    summary: "List people and their roles",
    errors: [503],
    responses: { 200: { description: "Everyone", content: json(userListSchema) } },
  },
  {
    method: "post",
    path: "/api/users",
    operationId: "createUser",
    tag: "Admin",
    summary: "Add a person (password 12–128 characters)",
    body: createUserSchema,
    errors: [400, 409, 503],
    responses: { 201: { description: "The new user", content: json(userSchema) } },
  },
  {
    method: "patch",
    path: "/api/users/{id}",
    operationId: "updateUser",
    tag: "Admin",
    summary: "Change a person's name, role, password or disabled flag (takes effect on their next request)",
    pathParams: id("user"),
    body: updateUserSchema,
    errors: [400, 404, 503],
    responses: { 200: { description: "The updated user", content: json(userSchema) } },
  },
  {
    method: "get",
    path: "/api/api-keys",
    operationId: "listApiKeys",
    tag: "Admin",
    summary: "List service API keys (never their secrets)",
    errors: [503],
    responses: { 200: { description: "Every key", content: json(apiKeyListSchema) } },
  },
  {
    method: "post",
    path: "/api/api-keys",
    operationId: "createApiKey",
    tag: "Admin",
    summary: "Create a key with scopes and an optional expiry; the secret is in this answer only",
    body: createApiKeySchema,
    errors: [400, 503],
    responses: { 201: { description: "The key and its secret", content: json(createdApiKeySchema) } },
  },
  {
    method: "delete",
    path: "/api/api-keys/{id}",
    operationId: "revokeApiKey",
    tag: "Admin",
    summary: "Revoke a key: the next request with it gets 401",
    pathParams: id("API key"),
    errors: [404, 503],
    responses: { 200: { description: "The revoked key", content: json(apiKeySchema) } },
  },
  {
    method: "get",
    path: "/api/audit",
    operationId: "listAuditEvents",
    tag: "Admin",
    summary: "The audit log, newest first, filtered by target, actor, action or time (since/until)",
    query: auditQuerySchema,
    errors: [400, 503],
    responses: { 200: { description: "One page of events", content: json(auditPageSchema) } },
  },
];
