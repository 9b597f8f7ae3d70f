import { describe, expect, it } from "vitest";
import { AppError } from "../errors";
import { assertValidTemplate, parseTemplate, type TemplateSyntaxError } from "./index";

function errorsOf(body: string): TemplateSyntaxError[] {
  const parsed = parseTemplate(body);
  if (parsed.ok) throw new Error(`expected ${JSON.stringify(body)} to be rejected`);
  return parsed.errors;
}

/** code, line, column, offset, length of each error: the parts the editor relies on. */
function where(body: string) {
  return errorsOf(body).map((e) => [e.code, e.line, e.column, e.offset, e.length]);
}

describe("parseTemplate: valid bodies", () => {
  it("splits text and placeholders with positions", () => {
    expect(parseTemplate("Hi {user_name}!\nPhase: {current_phase}")).toEqual({
      ok: true,
      parts: [
        { kind: "text", text: "Hi " },
        { kind: "placeholder", key: "user_name", line: 1, column: 4, offset: 3, length: 11 },
        { kind: "text", text: "!\nPhase: " },
        { kind: "placeholder", key: "current_phase", line: 2, column: 8, offset: 23, length: 15 },
      ],
      keys: ["user_name", "current_phase"],
    });
  });

  it("unescapes {{ and }} and merges the text around them into one part", () => {
    expect(parseTemplate('JSON: {{"a": [1]}} and }}{{')).toEqual({
      ok: true,
      parts: [{ kind: "text", text: 'JSON: {"a": [1]} and }{' }],
      keys: [],
    });
  });

  it("pairs braces left to right like Python: {{{a}}} is a brace, a field, a brace", () => {
    const parsed = assertValidTemplate("{{{a}}}");
    expect(parsed.parts.map((p) => (p.kind === "text" ? p.text : `<${p.key}>`))).toEqual(["{", "<a>", "}"]);
  });

  it("lists unique keys in first-use order but keeps every occurrence as a part", () => {
    const parsed = assertValidTemplate("{b} {a} {b}");
    expect(parsed.keys).toEqual(["b", "a"]);
    expect(parsed.parts.filter((p) => p.kind === "placeholder")).toHaveLength(3);
  });

  it("accepts the empty body and bodies without braces", () => {
    expect(parseTemplate("")).toEqual({ ok: true, parts: [], keys: [] });
    expect(parseTemplate("plain: text! [0]")).toEqual({
      ok: true,
      parts: [{ kind: "text", text: "plain: text! [0]" }],
      keys: [],
    });
  });

  it("accepts identifiers with underscores, digits and capitals", () => {
    expect(assertValidTemplate("{_x}{A9}{a_b_1}").keys).toEqual(["_x", "A9", "a_b_1"]);
  });

  it("counts columns in UTF-16 code units and treats \\r\\n and lone \\r as line breaks", () => {
    const at = (body: string) => {
      const p = assertValidTemplate(body).parts.find((part) => part.kind === "placeholder");
      return p?.kind === "placeholder" ? [p.line, p.column, p.offset] : null;
    };
    expect(at("😀é {a}")).toEqual([1, 5, 4]); // the emoji is two code units
    expect(at("x\r\n\r\n  {a}")).toEqual([3, 3, 7]);
    expect(at("x\ry\r{a}")).toEqual([3, 1, 4]);
  });
});

describe("parseTemplate: syntax errors", () => {
  it.each([
    ["a } b", "unbalanced_brace", 3, 1],
    ["}", "unbalanced_brace", 1, 1],
    ["}}}", "unbalanced_brace", 3, 1],
    ["a {", "unbalanced_brace", 3, 1],
    ["{{{", "unbalanced_brace", 3, 1],
    ["x {user_name", "unbalanced_brace", 3, 1],
    ["x {}", "empty_placeholder", 3, 2],
    ["x {:>3}", "empty_placeholder", 3, 5],
    ["x {0}", "positional_placeholder", 3, 3],
    ["x {12.name}", "positional_placeholder", 3, 9],
    ["x {a:>10}", "format_spec", 3, 7],
    ["x {a:{width}}", "format_spec", 3, 11],
    ["x {a!r}", "conversion", 3, 5],
    ["x {a!s:^4}", "conversion", 3, 8],
    ["x {a.b}", "attribute_access", 3, 5],
    ["x {a[0]}", "attribute_access", 3, 6],
    ["x {user.name.first}", "attribute_access", 3, 17],
    ['x {"message": "hi"}', "invalid_placeholder", 3, 17],
    ["x {user name}", "invalid_placeholder", 3, 11],
    ["x { a }", "invalid_placeholder", 3, 5],
    ["x {a-b}", "invalid_placeholder", 3, 5],
    ["x {a!x}", "invalid_placeholder", 3, 5],
    ["x {héllo}", "invalid_placeholder", 3, 7],
    ["x {a{b}}", "invalid_placeholder", 3, 6],
    ["x {message: hi}", "invalid_placeholder", 3, 13],
  ])("%j -> %s at column %i, length %i", (body, code, column, length) => {
    expect(where(body)).toEqual([[code, 1, column, column - 1, length]]);
  });

  it("reports every error in order with exact line and column", () => {
    const body = "Intro {user_name}\n  Stray } here, {0} and {a:>10}\r\n😀{a!r} {";
    expect(where(body)).toEqual([
      ["unbalanced_brace", 2, 9, 26, 1],
      ["positional_placeholder", 2, 17, 34, 3],
      ["format_spec", 2, 25, 42, 7],
      ["conversion", 3, 3, 53, 5],
      ["unbalanced_brace", 3, 9, 59, 1],
    ]);
  });

  it("reports a multi-line literal JSON object once and keeps scanning after it", () => {
    const body =
      'Example:\n{\n  "message": "Hello",\n  "add_user_note": {"params": {"notes": ["x"]}}\n}\nThen {0} and {user_name}.';
    const jsonLength = body.indexOf("\nThen") - 9;
    expect(where(body)).toEqual([
      ["invalid_placeholder", 2, 1, 9, jsonLength],
      ["positional_placeholder", 6, 6, body.indexOf("{0}"), 3],
    ]);
  });

  it("recovers from a never-closed { so later fields are still checked", () => {
    expect(where("{a: see {user_name} and {0}")).toEqual([
      ["unbalanced_brace", 1, 1, 0, 1],
      ["positional_placeholder", 1, 25, 24, 3],
    ]);
    expect(where("{a{b")).toEqual([
      ["unbalanced_brace", 1, 1, 0, 1],
      ["unbalanced_brace", 1, 3, 2, 1],
    ]);
  });

  it("hints at literal braces in messages and quotes the field", () => {
    const [json] = errorsOf('{"message": "hi"}');
    expect(json?.message).toBe(
      'Invalid placeholder {"message": "hi"}; placeholders are {context_key}, use {{ and }} for literal braces',
    );
    const [spaced] = errorsOf("{ user_name }");
    expect(spaced?.message).toContain("write {user_name}");
    const [long] = errorsOf(`{"a": "${"x".repeat(80)}"}`);
    expect(long?.message).toContain("…");
    expect(long?.message.length).toBeLessThan(130);
  });

  it("stays linear on pathological input", () => {
    const bodies = [
      "{a:".repeat(100_000),
      "{x".repeat(150_000),
      "{a{".repeat(100_000),
      "}".repeat(300_001),
      "{[".repeat(150_000),
    ];
    const started = performance.now();
    for (const body of bodies) expect(parseTemplate(body).ok).toBe(false);
    // A quadratic scan needs minutes here, a linear one milliseconds. The bound only tells those two
    // apart, with a margin no busy machine reaches (speed itself is not a test's business).
    expect(performance.now() - started).toBeLessThan(30_000);
  }, 60_000);
});

describe("assertValidTemplate", () => {
  it("returns the parsed template when valid", () => {
    expect(assertValidTemplate("{a}").keys).toEqual(["a"]);
  });

  it("throws invalid_template naming the first error's position, with all errors in details", () => {
    let thrown: unknown;
    try {
      assertValidTemplate("ok\n  {0} }");
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(AppError);
    const error = thrown as AppError;
    expect(error.code).toBe("invalid_template");
    expect(error.message).toBe(
      "Positional placeholder {0} is not supported; use a context key such as {user_name} at line 2, column 3",
    );
    expect((error.details as { errors: TemplateSyntaxError[] }).errors.map((e) => e.code)).toEqual([
      "positional_placeholder",
      "unbalanced_brace",
    ]);
  });
});
