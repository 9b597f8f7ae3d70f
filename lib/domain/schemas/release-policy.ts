import { z } from "zod";

/** How many approvals (by someone other than the requester) a change of production needs. */
export const requiredApprovalsSchema = z.union([z.literal(0), z.literal(1)]);

export const releasePolicyInputSchema = z.strictObject({ requiredApprovals: requiredApprovalsSchema });

export const releasePolicySchema = z.object({
  requiredApprovals: requiredApprovalsSchema,
  updatedAt: z.iso.datetime({ offset: true }),
});
export type ReleasePolicy = z.output<typeof releasePolicySchema>;
