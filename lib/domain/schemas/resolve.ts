import { z } from "zod";
import { CONTEXT_KEY_VALUES } from "../catalog";
import { phaseInput, promptTypeSchema } from "./prompt";

const contextValue = z.union([
  z.string(),
  z.number(),
  z.boolean(),
  z.null(),
  z.array(z.unknown()),
  z.record(z.string(), z.unknown()),
]);

export const resolveRequestSchema = z
  .strictObject({
    phase: phaseInput.optional(),
    version: z.number().int().min(1).optional(),
    promptType: promptTypeSchema.optional(),
    // Keys are the catalog's: a typo like "username" is an invalid_request, not a silently unused value.
    context: z.partialRecord(z.enum(CONTEXT_KEY_VALUES), contextValue).default({}),
    provider: z.enum(["openai", "anthropic"]).default("openai"),
  })
  .refine((r) => r.phase !== undefined || r.promptType !== undefined, {
    message: 'Give a phase, or a promptType for prompts without a phase (e.g. "sentinel")',
    path: ["phase"],
  });
export type ResolveRequest = z.output<typeof resolveRequestSchema>;
