import { describe, expect, it } from "vitest";
import { diffPromptMeta, type ComparablePrompt } from "./meta-diff";

const base: ComparablePrompt = {
  name: "Intro",
  description: null,
  promptType: "coach",
  requiredContextKeys: ["user_name", "user_notes"],
  allowedActions: ["transition_phase"],
  isActive: true,
};

describe("diffPromptMeta", () => {
  it("finds nothing between equal versions, whatever the list order or blank-vs-null texts", () => {
    expect(
      diffPromptMeta(base, { ...base, description: "  ", requiredContextKeys: ["user_notes", "user_name"] }),
    ).toEqual([]);
  });

  it("lists text changes and added/removed keys and actions", () => {
    const changes = diffPromptMeta(base, {
      ...base,
      name: "Welcome",
      promptType: "system",
      requiredContextKeys: ["user_name", "identities"],
      allowedActions: [],
      isActive: false,
    });
    expect(changes).toEqual([
      { field: "name", from: "Intro", to: "Welcome" },
      { field: "promptType", from: "coach", to: "system" },
      { field: "requiredContextKeys", added: ["identities"], removed: ["user_notes"] },
      { field: "allowedActions", added: [], removed: ["transition_phase"] },
      { field: "isActive", from: true, to: false },
    ]);
  });

  it("ignores activity when one side (an unsaved draft) has none", () => {
    const { isActive: _ignored, ...draft } = base;
    expect(diffPromptMeta({ ...base, isActive: false }, draft)).toEqual([]);
  });
});
