import { describe, expect, it } from "vitest";
import { lintTemplate, type LintFinding } from "./index";

const brief = (findings: LintFinding[]) =>
  findings.map((f) => [f.code, f.severity, f.key ?? null, f.line, f.column, f.endLine, f.endColumn]);

describe("lintTemplate", () => {
  it("returns nothing for a template that places exactly its required catalog keys", () => {
    expect(lintTemplate("Hi {user_name}, you are in {current_phase}.", ["user_name", "current_phase"])).toEqual([]);
  });

  it("warns once per occurrence about unknown keys and keys that are not required", () => {
    const body = "Hi {user_name} {nickname}\n{current_phase} and {nickname}";
    expect(brief(lintTemplate(body, ["user_name"]))).toEqual([
      ["unknown_key", "warning", "nickname", 1, 16, 1, 26],
      ["key_not_required", "warning", "current_phase", 2, 1, 2, 16],
      ["unknown_key", "warning", "nickname", 2, 21, 2, 31],
    ]);
  });

  it("reports an unknown key as unknown even when it is listed as required", () => {
    expect(brief(lintTemplate("{nickname}", ["nickname"]))).toEqual([
      ["unknown_key", "warning", "nickname", 1, 1, 1, 11],
    ]);
  });

  it("warns at line 1, column 1 about each required key never placed, once even if listed twice", () => {
    const findings = lintTemplate("{user_name}", ["user_name", "identities", "identities", "user_notes"]);
    expect(brief(findings)).toEqual([
      ["required_key_unused", "warning", "identities", 1, 1, 1, 1],
      ["required_key_unused", "warning", "user_notes", 1, 1, 1, 1],
    ]);
    expect(findings[0]?.message).toContain('"identities"');
  });

  it("returns only syntax errors, as errors with exclusive end columns, when the body does not parse", () => {
    const body = "Hi {nickname}\n  {0} }";
    expect(brief(lintTemplate(body, ["identities"]))).toEqual([
      ["positional_placeholder", "error", null, 2, 3, 2, 6],
      ["unbalanced_brace", "error", null, 2, 7, 2, 8],
    ]);
  });

  it("ends a multi-line error where the field closes", () => {
    const body = 'Example:\n{\n  "message": "hi"\n}\nBye';
    const [finding] = lintTemplate(body, []);
    expect(finding).toMatchObject({
      code: "invalid_placeholder",
      severity: "error",
      line: 2,
      column: 1,
      endLine: 4,
      endColumn: 2,
    });
    expect(finding?.message).toContain("use {{ and }} for literal braces");
  });

  it("counts end columns in UTF-16 code units", () => {
    expect(brief(lintTemplate("😀{nickname}", []))).toEqual([["unknown_key", "warning", "nickname", 1, 3, 1, 13]]);
  });
});
