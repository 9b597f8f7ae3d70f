import "server-only";
import { z } from "zod";
import {
  actionDetailSchema,
  actionInstructionSchema,
  actionSummarySchema,
  createActionInstructionSchema,
  updateActionInstructionSchema,
} from "@/lib/domain/schemas/action-instructions";
import type { ApiOperation } from "./operations";

const json = (schema: z.ZodType) => ({ "application/json": schema });
const type = { type: { description: "The action type, e.g. create_identity", schema: z.string() } };

/** Action instructions: the managed wording of the 22 actions (the params' shape is the catalog's). */
export const ACTION_OPERATIONS: ApiOperation[] = [
  {
    method: "get",
    path: "/api/actions",
    operationId: "listActions",
    tag: "Actions",
    summary: "Every action with its production wording and the phases that allow it",
    errors: [503],
    responses: { 200: { description: "The 22 actions", content: json(z.array(actionSummarySchema)) } },
  },
  {
    method: "get",
    path: "/api/actions/{type}",
    operationId: "getAction",
    tag: "Actions",
    summary: "One action: fields, production wording and every version",
    pathParams: type,
    errors: [404, 503],
    responses: { 200: { description: "The action", content: json(actionDetailSchema) } },
  },
  {
    method: "post",
    path: "/api/actions/{type}",
    operationId: "createActionInstruction",
    tag: "Actions",
    summary: "Save a new version of an action's wording (inactive unless activate is true)",
    pathParams: type,
    body: createActionInstructionSchema,
    errors: [400, 404, 503],
    responses: { 201: { description: "The new version", content: json(actionInstructionSchema) } },
  },
  {
    method: "patch",
    path: "/api/action-instructions/{id}",
    operationId: "updateActionInstruction",
    tag: "Actions",
    summary: "Activate or deactivate a version (an action keeps at least one active version)",
    pathParams: { id: { description: "The version's id (UUID)", schema: z.string() } },
    body: updateActionInstructionSchema,
    errors: [400, 404, 409, 503],
    responses: { 200: { description: "The version", content: json(actionInstructionSchema) } },
  },
];
