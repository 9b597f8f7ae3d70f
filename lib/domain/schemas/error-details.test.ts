import { describe, expect, it } from "vitest";
import { detailsOf, missingContextDetailsSchema, saveConflictDetailsSchema } from "./error-details";

describe("detailsOf", () => {
  it("decodes details of the expected shape and answers null for anything else", () => {
    expect(detailsOf(missingContextDetailsSchema, { missing: ["user_name"] })).toEqual({ missing: ["user_name"] });
    expect(detailsOf(missingContextDetailsSchema, { missing: "user_name" })).toBeNull();
    expect(detailsOf(saveConflictDetailsSchema, null)).toBeNull();
    expect(detailsOf(saveConflictDetailsSchema, { expectedLatestVersion: 3, latest: null })).toEqual({
      expectedLatestVersion: 3,
      latest: null,
    });
  });
});
