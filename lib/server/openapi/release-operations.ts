import "server-only";
import { z } from "zod";
import { releasePolicyInputSchema, releasePolicySchema } from "@/lib/domain/schemas/release-policy";
import type { ApiOperation } from "./operations";

const json = (schema: z.ZodType) => ({ "application/json": schema });

/** #9: the release policy, the staging channel and releases (review before production). */
export const RELEASE_OPERATIONS: ApiOperation[] = [
  {
    method: "get",
    path: "/api/settings/release-policy",
    operationId: "getReleasePolicy",
    tag: "Releases",
    summary: "How many approvals a change of production needs (0 or 1)",
    errors: [503],
    responses: { 200: { description: "The policy", content: json(releasePolicySchema) } },
  },
  {
    method: "put",
    path: "/api/settings/release-policy",
    operationId: "setReleasePolicy",
    tag: "Releases",
    summary: "Set the release policy (admins; audited)",
    description:
      "`requiredApprovals: 1` (the default): every change of what production serves goes through an approved release. `0`: saving with `isActive: true`, PATCH and rollback serve at once, and a requester may release right after opening.",
    body: releasePolicyInputSchema,
    errors: [400, 503],
    responses: { 200: { description: "The new policy", content: json(releasePolicySchema) } },
  },
];
