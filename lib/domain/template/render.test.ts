import { describe, expect, it } from "vitest";
import { AppError } from "../errors";
import { assertValidTemplate, formatValue, renderTemplate } from "./index";

describe("formatValue", () => {
  it.each<[string, unknown, string]>([
    ["a string as is", "  keep {braces} \n", "  keep {braces} \n"],
    ["an empty string", "", ""],
    ["an integer", 3, "3"],
    ["a decimal", 1.5, "1.5"],
    ["a negative number", -12.25, "-12.25"],
    ["a huge number in JS notation", 1e21, "1e+21"],
    ["a list of strings joined with comma and space", ["kind", "brave", "curious"], "kind, brave, curious"],
    ["an empty list", [], ""],
    ["a mixed list as JSON", ["a", 1], '["a",1]'],
    ["a list of objects as JSON", [{ id: "1" }], '[{"id":"1"}]'],
    ["an object as JSON", { a: 1, b: ["x"] }, '{"a":1,"b":["x"]}'],
    ["a boolean as JSON", true, "true"],
    ["NaN as JSON", Number.NaN, "null"],
    ["Infinity as JSON", Number.POSITIVE_INFINITY, "null"],
    ["a bigint as decimal text", 10n, "10"],
  ])("formats %s", (_label, value, expected) => {
    expect(formatValue(value)).toBe(expected);
  });

  it("does not throw on cyclic objects", () => {
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    expect(formatValue(cyclic)).toBe("[object Object]");
  });
});

describe("renderTemplate", () => {
  it("fills placeholders and keeps unescaped literal braces", () => {
    const { parts } = assertValidTemplate("Hi {user_name}! {{not_a_key}} {user_name}/{number_of_identities}");
    expect(renderTemplate(parts, { user_name: "Ana", number_of_identities: 2 })).toBe("Hi Ana! {not_a_key} Ana/2");
  });

  it("does not re-interpret braces inside values", () => {
    const { parts } = assertValidTemplate("<{a}>");
    expect(renderTemplate(parts, { a: "{user_name} }}" })).toBe("<{user_name} }}>");
  });

  it("formats lists the way formatValue does and ignores extra keys", () => {
    const { parts } = assertValidTemplate("You are: {who_you_are}");
    expect(renderTemplate(parts, { who_you_are: ["calm", "kind"], extra: "unused" })).toBe("You are: calm, kind");
  });

  it.each<[string, Record<string, unknown>]>([
    ["absent", {}],
    ["undefined", { a: undefined }],
    ["null", { a: null }],
  ])("throws missing_context when the value is %s", (_label, context) => {
    const { parts } = assertValidTemplate("x {a}");
    expect(() => renderTemplate(parts, context)).toThrowError(
      expect.objectContaining({
        code: "missing_context",
        message: "Missing context keys: a",
        details: { missing: ["a"] },
      }),
    );
  });

  it("does not read keys from Object.prototype", () => {
    const { parts } = assertValidTemplate("{constructor}");
    expect(() => renderTemplate(parts, {})).toThrow(AppError);
    expect(renderTemplate(parts, { constructor: "own" })).toBe("own");
  });

  it("renders falsy but present values", () => {
    const { parts } = assertValidTemplate("[{a}|{b}|{c}]");
    expect(renderTemplate(parts, { a: "", b: 0, c: false })).toBe("[|0|false]");
  });
});
