import { describe, expect, it } from "vitest";
import { assemblePrepared, preparePrompt, type Provider } from "@/lib/domain/assembly";
import { resolveResultJson } from "./resolve-json";
import type { ResolveResponse } from "@/lib/domain/schemas/responses";

const prompt = {
  body: 'Hi {user_name}! "Quotes", back\\slash, tab\t, {{braces}}, émoji 🎉, line\u2028separator.\n{recent_messages}',
  requiredContextKeys: ["user_name"] as const,
  allowedActions: ["add_user_note", "transition_phase"] as const,
};

function result(provider: Provider, context: Record<string, unknown>, systemContext: string | null): ResolveResponse {
  const assembled = assemblePrepared(preparePrompt(prompt), {
    systemContext: systemContext === null ? null : { body: systemContext },
    context,
    provider,
  });
  // Built in the order resolve-service builds it: JSON.stringify follows key order.
  return {
    prompt: {
      id: "2f1c5a44-8f43-4d7b-9a51-0d0b6c1f2a10",
      phase: "introduction",
      version: 7,
      name: null,
      promptType: "coach",
    },
    text: assembled.text,
    sections: assembled.sections,
    allowedActions: [...prompt.allowedActions],
    requiredContextKeys: [...prompt.requiredContextKeys],
    responseFormat: assembled.responseFormat,
  };
}

describe("resolveResultJson", () => {
  it.each([
    [
      "openai, every section",
      "openai",
      { user_name: 'Ada "the" <b>', user_notes: "likes\u0000tea", recent_messages: ["a", "b"] },
      'System: be kind.\n"quoted"',
    ],
    [
      "anthropic, no system context",
      "anthropic",
      { user_name: "\ud83d lone surrogate", recent_messages: "last\u2029words" },
      null,
    ],
  ] as const)(
    "writes exactly JSON.stringify's bytes (%s), the second time from its memo too",
    (_label, provider, context, system) => {
      const r = result(provider, context, system);
      expect(resolveResultJson(r)).toBe(JSON.stringify(r));
      expect(resolveResultJson(r)).toBe(JSON.stringify(r));
      expect(JSON.parse(resolveResultJson(r))).toEqual(r);
    },
  );

  it("does not reuse section escapes for a text that is not the sections joined", () => {
    const r = { ...result("openai", { user_name: "Ada", recent_messages: "hi" }, "S"), text: "something else" };
    expect(resolveResultJson(r)).toBe(JSON.stringify(r));
  });

  it("serializes a response format that is not frozen afresh each time", () => {
    const r = {
      ...result("openai", { user_name: "Ada", recent_messages: "hi" }, null),
      responseFormat: { type: "object" } as Record<string, unknown>,
    };
    expect(resolveResultJson(r)).toBe(JSON.stringify(r));
    r.responseFormat.type = "string";
    expect(resolveResultJson(r)).toBe(JSON.stringify(r));
  });
});
