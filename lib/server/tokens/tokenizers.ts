import "server-only";
import type { Tiktoken } from "js-tiktoken/lite";

/**
 * Token counts with tokenizers bundled in npm packages (no network, ever):
 * - OpenAI: o200k_base (GPT-4o, GPT-4.1, o-series, GPT-5) from js-tiktoken's bundled ranks.
 * - Anthropic: the vocabulary Anthropic publishes in @anthropic-ai/tokenizer, run with js-tiktoken
 *   (pure JS, no WASM). Anthropic states it is exact for its older models only and a rough
 *   approximation for Claude 3 and later; no offline tokenizer for current Claude models exists.
 * The ranks are megabytes: loaded on the first count, never at start-up or on the resolve path.
 */
export const TOKENIZERS = {
  openai: "o200k_base (GPT-4o and later)",
  anthropic: "Claude (approximation: @anthropic-ai/tokenizer)",
} as const;

let loading: Promise<{ openai: Tiktoken; anthropic: Tiktoken }> | null = null;

function load() {
  loading ??= (async () => {
    const [{ Tiktoken }, o200k, claude] = await Promise.all([
      import("js-tiktoken/lite"),
      import("js-tiktoken/ranks/o200k_base"),
      import("@anthropic-ai/tokenizer/claude.json"),
    ]);
    return {
      openai: new Tiktoken(o200k.default),
      anthropic: new Tiktoken(claude.default as ConstructorParameters<typeof Tiktoken>[0]),
    };
  })();
  return loading;
}

export async function countBoth(text: string): Promise<{ openai: number; anthropic: number }> {
  const { openai, anthropic } = await load();
  return {
    // Special-token text in a prompt is plain text to the API, so it is counted as text.
    openai: openai.encode(text, [], []).length,
    // As @anthropic-ai/tokenizer's countTokens does: NFKC first, special tokens allowed.
    anthropic: anthropic.encode(text.normalize("NFKC"), "all").length,
  };
}
