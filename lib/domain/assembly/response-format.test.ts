import { describe, expect, it } from "vitest";
import { actionJsonSchema } from "../catalog";
import { missingContextKeys, responseFormatFor } from "./index";

describe("responseFormatFor", () => {
  it("has message plus one property per action holding its payload schema", () => {
    expect(responseFormatFor(["add_user_note", "transition_phase"])).toEqual({
      type: "object",
      properties: {
        message: { type: "string" },
        add_user_note: actionJsonSchema("add_user_note"),
        transition_phase: actionJsonSchema("transition_phase"),
      },
      required: ["message"],
      additionalProperties: false,
    });
  });

  it("returns copies, so a caller mutating the result cannot corrupt the catalog's cached schemas", () => {
    const format = responseFormatFor(["add_user_note"]);
    (format.properties as Record<string, Record<string, unknown>>).add_user_note!.type = "string";
    expect(actionJsonSchema("add_user_note").type).toBe("object");
  });
});

describe("missingContextKeys", () => {
  const prompt = {
    body: "{user_name} {identities} {user_name}",
    requiredContextKeys: ["current_phase", "user_name", "current_phase"],
  };

  it("returns required keys and placeholders that are absent, undefined or null, sorted and unique", () => {
    expect(missingContextKeys(prompt, {})).toEqual(["current_phase", "identities", "user_name"]);
    expect(missingContextKeys(prompt, { user_name: "", identities: undefined, current_phase: null })).toEqual([
      "current_phase",
      "identities",
    ]);
  });

  it("returns nothing when every key has a value, even falsy ones", () => {
    expect(missingContextKeys(prompt, { user_name: "", identities: 0, current_phase: false })).toEqual([]);
  });

  it("ignores Object.prototype properties", () => {
    expect(missingContextKeys({ body: "{constructor}", requiredContextKeys: ["toString"] }, {})).toEqual([
      "constructor",
      "toString",
    ]);
  });

  it("checks only the required keys when the body does not parse", () => {
    expect(missingContextKeys({ body: "{identities} {0}", requiredContextKeys: ["user_name"] }, {})).toEqual([
      "user_name",
    ]);
  });
});
