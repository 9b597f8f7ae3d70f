import { z } from "zod";
import { promptTypeSchema } from "./prompt";

/** `PUT /api/phases/{phase}/staging`: any version of the phase (`none` + promptType for phase-less prompts). */
export const setStagingSchema = z.strictObject({
  version: z.number().int().min(1).max(2_147_483_647),
  promptType: promptTypeSchema.optional(),
});

export const clearStagingQuery = z.object({ promptType: promptTypeSchema.optional() });

export const stagingSchema = z.object({
  phase: z.string().nullable(),
  promptType: z.string().nullable(),
  /** The version staging serves, or null: staging then serves production. */
  version: z.number().int().nullable(),
  promptId: z.uuid().nullable(),
});
export type Staging = z.output<typeof stagingSchema>;

/** Which channel a resolve asks for; production is the default and unchanged for callers that send none. */
export const channelSchema = z.enum(["production", "staging"]);
export type Channel = z.output<typeof channelSchema>;
