import { describe, expect, it } from "vitest";
import { expectationsSchema } from "../schemas/checks";
import { unmetExpectations } from "./expectations";

describe("unmetExpectations", () => {
  it("passes when every expectation holds", () => {
    expect(unmetExpectations("Hello Ada, welcome.", { contains: ["Ada"], notContains: ["Bob"], maxChars: 19 })).toEqual(
      [],
    );
  });

  it("reports a missing phrase, case-sensitively", () => {
    expect(unmetExpectations("hello ada", { contains: ["Ada"] })).toEqual([
      { kind: "contains", expected: "Ada", message: 'The text does not contain "Ada"' },
    ]);
  });

  it("reports an unwanted phrase with the text around it", () => {
    const text = `${"x".repeat(100)}favourite_color${"y".repeat(100)}`;
    const [failure] = unmetExpectations(text, { notContains: ["favourite_color"] });
    expect(failure).toMatchObject({ kind: "not_contains", unexpected: "favourite_color" });
    expect(failure?.kind === "not_contains" && failure.found).toBe(
      `…${"x".repeat(60)}favourite_color${"y".repeat(60)}…`,
    );
  });

  it("reports a text over its length budget with both numbers", () => {
    expect(unmetExpectations("abcdef", { maxChars: 5 })).toEqual([
      { kind: "max_chars", maxChars: 5, chars: 6, message: "The text has 6 characters, more than the 5 allowed" },
    ]);
  });

  it("lists every failure, in the order written", () => {
    const kinds = unmetExpectations("abc", { contains: ["z", "y"], notContains: ["a"], maxChars: 1 }).map(
      (f) => f.kind,
    );
    expect(kinds).toEqual(["contains", "contains", "not_contains", "max_chars"]);
  });
});

describe("expectationsSchema", () => {
  it("refuses unknown fields, empty phrases and a zero budget", () => {
    expect(expectationsSchema.safeParse({ contain: ["a"] }).success).toBe(false);
    expect(expectationsSchema.safeParse({ contains: [""] }).success).toBe(false);
    expect(expectationsSchema.safeParse({ maxChars: 0 }).success).toBe(false);
    expect(expectationsSchema.parse({})).toEqual({});
  });
});
