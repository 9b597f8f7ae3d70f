import { z } from "zod";
import { CONTEXT_KEY_VALUES } from "../catalog";
import { conversationTurnSchema } from "./resolve";
import { actionList, contextKeyList, phaseInput, promptTypeSchema, versionNumber } from "./prompt";

/**
 * The authoring UI's preview: a stored version (serving, or pinned even if inactive) or unsaved editor
 * content (`draft`), assembled exactly as POST /api/resolve would.
 */
export const previewRequestSchema = z.strictObject({
  phase: phaseInput.nullable(),
  version: versionNumber.optional(),
  promptType: promptTypeSchema.optional(),
  draft: z
    .strictObject({
      body: z.string().max(200_000),
      requiredContextKeys: contextKeyList,
      allowedActions: actionList,
    })
    .optional(),
  // Form values are text; recent_messages may also be structured turns (the turn editor).
  context: z
    .partialRecord(
      z.enum(CONTEXT_KEY_VALUES),
      z.union([z.string().max(100_000), z.array(conversationTurnSchema).max(200)]),
    )
    .default({}),
  provider: z.enum(["openai", "anthropic"]).default("openai"),
});
export type PreviewRequest = z.input<typeof previewRequestSchema>;
