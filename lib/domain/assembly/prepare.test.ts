import { describe, expect, it } from "vitest";
import { assemblePrepared, assemblePrompt, preparePrompt } from "./index";

const prompt = {
  body: "Hi {user_name}, {{literal}}",
  requiredContextKeys: ["user_name"],
  allowedActions: ["add_user_note", "transition_phase"] as const,
};
const input = { systemContext: { body: "System." }, prompt, context: { user_name: "Ada", user_notes: "likes tea" } };

describe("preparePrompt + assemblePrepared", () => {
  it("assemble exactly what assemblePrompt does, for either provider, from one preparation", () => {
    const prepared = preparePrompt(prompt);
    for (const provider of ["openai", "anthropic"] as const) {
      expect(assemblePrepared(prepared, { ...input, provider })).toEqual(assemblePrompt({ ...input, provider }));
    }
  });

  it("shares a response format nobody can change", () => {
    const prepared = preparePrompt(prompt);
    const a = assemblePrepared(prepared, { ...input, provider: "openai" });
    expect(a.responseFormat).toBe(assemblePrepared(prepared, { ...input, provider: "openai" }).responseFormat);
    expect(() => {
      (a.responseFormat.properties as Record<string, unknown>).message = "x";
    }).toThrow(TypeError);
  });

  it("reports a bad template when preparing and missing context when assembling", () => {
    expect(() => preparePrompt({ ...prompt, body: "{0}" })).toThrow(
      expect.objectContaining({ code: "invalid_template" }),
    );
    expect(() => assemblePrepared(preparePrompt(prompt), { ...input, context: {}, provider: "openai" })).toThrow(
      expect.objectContaining({ code: "missing_context" }),
    );
  });
});
