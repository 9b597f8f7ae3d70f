import { describe, expect, it } from "vitest";
import { servingVersions } from "./serving";

const v = (version: number, isActive: boolean, promptType = "coach") => ({ version, isActive, promptType });

describe("servingVersions", () => {
  it("is the highest active version of a phase", () => {
    expect(servingVersions("introduction", [v(3, false), v(2, true), v(1, true)])).toEqual(new Set([2]));
    expect(servingVersions("introduction", [v(1, false)])).toEqual(new Set());
  });
  it("is the highest active version per type without a phase", () => {
    expect(servingVersions(null, [v(4, true, "system"), v(3, true, "sentinel"), v(2, true, "sentinel")])).toEqual(
      new Set([4, 3]),
    );
  });
});
