import { z } from "zod";
import { CONTEXT_KEY_VALUES, type ContextKey } from "../catalog";
import { phaseInput, promptTypeSchema, versionNumber } from "./prompt";
import { channelSchema } from "./staging";

const contextValue = z.union([
  z.string(),
  z.number(),
  z.boolean(),
  z.null(),
  z.array(z.unknown()),
  z.record(z.string(), z.unknown()),
]);

/** One message of the recent conversation, with the actions a coach message triggered. */
export const conversationTurnSchema = z.strictObject({
  role: z.enum(["user", "coach"]),
  content: z.string(),
  actions: z
    .array(z.strictObject({ type: z.string().min(1).max(64), params: z.record(z.string(), z.unknown()) }))
    .optional(),
});

/** `recent_messages`: structured turns (rendered as the old "Recent conversation" block) or text as is. */
export const recentMessagesSchema = z.union([z.string(), z.null(), z.array(conversationTurnSchema)]);

// Keys are the catalog's: a typo like "username" is an invalid_request, not a silently unused value.
const contextShape = Object.fromEntries(CONTEXT_KEY_VALUES.map((key) => [key, contextValue.optional()])) as Record<
  ContextKey,
  z.ZodOptional<typeof contextValue>
>;

export const resolveContextSchema = z.strictObject({
  ...contextShape,
  recent_messages: recentMessagesSchema.optional(),
});

export const resolveRequestSchema = z
  .strictObject({
    phase: phaseInput.optional(),
    version: versionNumber.optional(),
    promptType: promptTypeSchema.optional(),
    context: resolveContextSchema.default({}),
    provider: z.enum(["openai", "anthropic"]).default("openai"),
    /** "staging": the staging channel's version (or production when none is set); pins may name inactive versions. */
    channel: channelSchema.default("production"),
  })
  .refine((r) => r.phase !== undefined || r.promptType !== undefined, {
    message: 'Give a phase, or a promptType for prompts without a phase (e.g. "sentinel")',
    path: ["phase"],
  });

export type ResolveRequest = z.output<typeof resolveRequestSchema>;
