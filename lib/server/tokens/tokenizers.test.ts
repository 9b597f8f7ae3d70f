import { countTokens as anthropicReference } from "@anthropic-ai/tokenizer";
import { beforeAll, describe, expect, it } from "vitest";
import { countBoth } from "./tokenizers";

describe("countBoth", () => {
  // Building both rank tables takes seconds (tens of them on a loaded machine): once, up front.
  beforeAll(() => countBoth("warm up"), 180_000);

  it("counts o200k_base tokens for OpenAI", async () => {
    expect((await countBoth("hello world")).openai).toBe(2);
    expect((await countBoth("")).openai).toBe(0);
  });

  it("matches Anthropic's own countTokens (same vocabulary, NFKC, special tokens) without its WASM", async () => {
    for (const text of [
      "Greet {user_name} by name and introduce yourself as their identity coach.",
      "ünïcödé ﬁ ligature, 日本語 and 🙂",
      "Literal <EOT> and {{braces}}",
    ]) {
      expect((await countBoth(text)).anthropic).toBe(anthropicReference(text));
    }
  }, 120_000); // the reference builds its WASM tokenizer on every call

  it("treats special-token text as plain text for OpenAI instead of throwing", async () => {
    expect((await countBoth("<|endoftext|>")).openai).toBeGreaterThan(1);
  });
});
