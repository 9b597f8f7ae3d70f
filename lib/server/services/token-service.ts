import "server-only";
import type { TokenCounts } from "@/lib/domain/schemas/views";
import { z } from "zod";
import type { Caller } from "../auth/actor";
import { authorize } from "../auth/authorize";
import { countBoth, TOKENIZERS } from "../tokens/tokenizers";
import { parseInput } from "./parse-input";

const tokenCountSchema = z.strictObject({
  sections: z.array(z.strictObject({ label: z.string().max(100), text: z.string().max(500_000) })).max(50),
});

/** Tokens per section and in total for OpenAI and Anthropic; anyone who may read prompts may count. */
export async function countTokens(caller: Caller, input: unknown): Promise<TokenCounts> {
  authorize(caller, "prompts:read");
  const { sections } = parseInput(tokenCountSchema, input);
  const counted = [];
  for (const s of sections) counted.push({ label: s.label, ...(await countBoth(s.text)) });
  const total = counted.reduce((t, s) => ({ openai: t.openai + s.openai, anthropic: t.anthropic + s.anthropic }), {
    openai: 0,
    anthropic: 0,
  });
  return { sections: counted, total, tokenizers: TOKENIZERS };
}
