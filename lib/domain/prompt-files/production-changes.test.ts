import { describe, expect, it } from "vitest";
import type { PromptRecord } from "../schemas/prompt-files";
import { productionChanges, scopeKey } from "./production-changes";

const rec = (coachingPhase: string | null, version: number, isActive = true, promptType = "coach") =>
  ({ coachingPhase, version, isActive, promptType }) as PromptRecord;

describe("productionChanges", () => {
  it("reports a phase set up from nothing and a phase whose production moves up", () => {
    const serving = new Map([[scopeKey("introduction", "coach"), 3]]);
    expect(
      productionChanges([rec("introduction", 4), rec("introduction", 5), rec("get_to_know_you", 1)], serving),
    ).toEqual([
      { phase: "get_to_know_you", promptType: null, from: null, to: 1 },
      { phase: "introduction", promptType: null, from: 3, to: 5 },
    ]);
  });

  it("ignores inactive rows and active rows below what serves now", () => {
    const serving = new Map([[scopeKey("introduction", "coach"), 7]]);
    expect(productionChanges([rec("introduction", 8, false), rec("introduction", 6)], serving)).toEqual([]);
  });

  it("treats each type of the phase-less prompts as its own production", () => {
    const serving = new Map([[scopeKey(null, "sentinel"), 2]]);
    expect(productionChanges([rec(null, 3, true, "sentinel"), rec(null, 4, true, "system")], serving)).toEqual([
      { phase: null, promptType: "sentinel", from: 2, to: 3 },
      { phase: null, promptType: "system", from: null, to: 4 },
    ]);
  });
});
