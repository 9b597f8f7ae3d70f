import { describe, expect, it } from "vitest";
import { diffLines, stableJson } from "./line-diff";

describe("diffLines", () => {
  it("keeps common lines and marks the changed ones", () => {
    expect(diffLines("a\nb\nc", "a\nx\nc")).toEqual([
      { kind: "same", text: "a" },
      { kind: "removed", text: "b" },
      { kind: "added", text: "x" },
      { kind: "same", text: "c" },
    ]);
  });
  it("treats an empty side as nothing (a create has no before)", () => {
    expect(diffLines("", "a\nb")).toEqual([
      { kind: "added", text: "a" },
      { kind: "added", text: "b" },
    ]);
    expect(diffLines("a", "")).toEqual([{ kind: "removed", text: "a" }]);
  });
  it("falls back to removed-then-added above the size cap", () => {
    expect(diffLines("a\nb", "a\nc", 3).map((l) => l.kind)).toEqual(["removed", "removed", "added", "added"]);
  });
});

describe("stableJson", () => {
  it("sorts keys at every depth so equal values print the same", () => {
    expect(stableJson({ b: 1, a: { d: [{ z: 1, y: 2 }], c: null } })).toBe(
      stableJson({ a: { c: null, d: [{ y: 2, z: 1 }] }, b: 1 }),
    );
    expect(stableJson({ b: 1, a: 2 }).indexOf('"a"')).toBeLessThan(stableJson({ b: 1, a: 2 }).indexOf('"b"'));
  });
  it("prints nothing for a missing value", () => {
    expect(stableJson(null)).toBe("");
    expect(stableJson(undefined)).toBe("");
  });
});
