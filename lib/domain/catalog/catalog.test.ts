import { describe, expect, it } from "vitest";
import { createPromptSchema } from "../schemas/prompt";
import { AUDIT_ACTIONS, describeAuditAction } from "./audit";
import { narrowActionType, narrowContextKey, narrowNullablePhase, narrowPhase, narrowPromptType } from "./narrow";
import { defaultPromptType } from "./phases";

describe("defaultPromptType", () => {
  it("is coach for every phase, system_context included (as the old system stored it), sentinel without one", () => {
    expect(defaultPromptType("system_context")).toBe("coach");
    expect(defaultPromptType("introduction")).toBe("coach");
    expect(defaultPromptType(null)).toBe("sentinel");
  });

  it("is what the API's create schema fills in when no type is given, and an explicit type wins", () => {
    expect(createPromptSchema.parse({ coachingPhase: "system_context", body: "x" }).promptType).toBe("coach");
    expect(createPromptSchema.parse({ coachingPhase: null, body: "x" }).promptType).toBe("sentinel");
    expect(createPromptSchema.parse({ coachingPhase: null, body: "x", promptType: "system" }).promptType).toBe(
      "system",
    );
  });
});

describe("the audit action catalog", () => {
  it("describes every recorded action in words and shows an unknown one as stored", () => {
    expect(describeAuditAction("release.approve")).toBe("approved a release");
    expect(describeAuditAction("prompt.create")).toBe("saved a version");
    expect(describeAuditAction("something.new")).toBe("something.new");
    expect(describeAuditAction(null)).toBe("");
    for (const words of Object.values(AUDIT_ACTIONS)) expect(words).toMatch(/^[a-z]/);
  });
});

describe("narrowing stored catalog values", () => {
  it("passes catalog values through and throws on anything else", () => {
    expect(narrowPhase("introduction")).toBe("introduction");
    expect(narrowNullablePhase(null)).toBeNull();
    expect(narrowActionType("create_identity")).toBe("create_identity");
    expect(() => narrowPhase("outro")).toThrow('Stored phase "outro" is not in the catalog');
    expect(() => narrowPromptType("coach ")).toThrow(/prompt type/);
    expect(() => narrowContextKey("favourite_color")).toThrow(/context key/);
  });
});
