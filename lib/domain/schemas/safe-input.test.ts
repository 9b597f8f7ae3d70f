import { describe, expect, it } from "vitest";
import { findInputProblem, isSafeText, MAX_INPUT_DEPTH } from "./safe-input";

const deep = (n: number): unknown => {
  let v: unknown = "leaf";
  for (let i = 0; i < n; i++) v = [v];
  return v;
};

describe("findInputProblem", () => {
  it("accepts ordinary text, emoji (paired surrogates) and moderate nesting", () => {
    expect(findInputProblem({ name: "Ada 👩‍💻", tags: [["a"], { b: "ç" }] })).toBeNull();
    expect(findInputProblem(deep(MAX_INPUT_DEPTH - 1))).toBeNull();
  });

  it("names the path of a NUL byte or a lone surrogate, in values and in keys", () => {
    expect(findInputProblem({ a: [{ b: "x\u0000y" }] })).toMatchObject({ path: "a.0.b", code: "unsafe_text" });
    expect(findInputProblem({ a: "\ud800" })).toMatchObject({ path: "a", code: "unsafe_text" });
    expect(findInputProblem({ a: "x\udc00" })).toMatchObject({ path: "a", code: "unsafe_text" });
    expect(findInputProblem({ "k\u0000": 1 })).toMatchObject({ path: "k\u0000", code: "unsafe_text" });
    expect(isSafeText("\ud83d\ude00")).toBe(true);
    expect(isSafeText("\ude00\ud83d")).toBe(false);
  });

  it("refuses nesting past the limit without overflowing the stack, even 20,000 levels deep", () => {
    expect(findInputProblem(deep(MAX_INPUT_DEPTH + 1))).toMatchObject({ code: "too_deep" });
    expect(findInputProblem({ context: { x: deep(20_000) } })).toMatchObject({ code: "too_deep" });
  });
});
