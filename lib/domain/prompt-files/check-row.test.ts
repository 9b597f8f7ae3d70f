import { describe, expect, it } from "vitest";
import { AppError } from "../errors";
import { NATIVE_FORMAT } from "../schemas/prompt-files";
import { planFileImport, readPromptFile } from "./index";

const nativeRow = (over: Record<string, unknown> = {}) => ({
  id: "7d7f6f0e-1c1a-4a57-9a55-3c1d2b9a0001",
  coachingPhase: "introduction",
  version: 1,
  name: "Intro",
  description: null,
  body: "Hi {user_name}",
  requiredContextKeys: ["user_name"],
  allowedActions: ["transition_phase"],
  promptType: "coach",
  isActive: true,
  createdAt: "2025-01-01T00:00:00.000000Z",
  updatedAt: "2025-01-02T00:00:00.000000Z",
  ...over,
});
const nativeFile = (...prompts: unknown[]) => ({ format: NATIVE_FORMAT, formatVersion: 1, prompts });
const problemsOf = (data: unknown, options = {}) =>
  planFileImport(data, options).report.rows.flatMap((r) =>
    r.problems.map((p) => [p.field, p.code, p.severity, p.value]),
  );

describe("readPromptFile", () => {
  it("recognizes both formats by shape and refuses anything else as a whole", () => {
    expect(readPromptFile([]).format).toBe("django");
    expect(readPromptFile(nativeFile()).format).toBe("native");
    expect(() => readPromptFile({ prompts: [] })).toThrowError(AppError);
    expect(() => readPromptFile({ format: NATIVE_FORMAT, formatVersion: 2, prompts: [] })).toThrowError(
      /formatVersion 2/,
    );
    expect(() => readPromptFile({ format: NATIVE_FORMAT, formatVersion: 1 })).toThrowError(/no "prompts" array/);
  });
});

describe("checking rows", () => {
  it("accepts a clean native row without any problem", () => {
    const { report, toInsert } = planFileImport(nativeFile(nativeRow()));
    expect(report.rows[0]).toMatchObject({ status: "new", problems: [] });
    expect(toInsert[0]).toEqual(nativeRow());
  });

  it("names every unreadable field of a row with the file's own field names", () => {
    const row = nativeRow({
      id: "nope",
      version: 0,
      name: 5,
      body: "  ",
      requiredContextKeys: "user_name",
      isActive: "yes",
      createdAt: "2025-01-01",
      extra: 1,
    });
    delete (row as Record<string, unknown>).updatedAt;
    expect(problemsOf(nativeFile(row))).toEqual([
      ["extra", "ignored_field", "warning", null],
      ["id", "invalid_field", "error", null],
      ["version", "invalid_field", "error", null],
      ["name", "invalid_field", "error", null],
      ["body", "empty_body", "error", null],
      ["requiredContextKeys", "invalid_field", "error", null],
      ["isActive", "invalid_field", "error", null],
      ["createdAt", "invalid_field", "error", null],
      ["updatedAt", "missing_field", "error", null],
    ]);
  });

  it("checks a Django row's model and fields object", () => {
    expect(problemsOf([{ model: "auth.user", pk: "x", fields: {} }])).toEqual([
      ["model", "invalid_row", "error", null],
    ]);
    expect(problemsOf([{ model: "prompts.prompt", pk: nativeRow().id }])).toEqual([
      ["fields", "invalid_row", "error", null],
    ]);
    expect(problemsOf(["text"])).toEqual([[null, "invalid_row", "error", null]]);
  });

  it("refuses NUL characters and names over 255 characters, which PostgreSQL would reject", () => {
    expect(problemsOf(nativeFile(nativeRow({ body: "a\u0000b", name: "x".repeat(256) })))).toEqual([
      ["name", "invalid_field", "error", null],
      ["body", "invalid_field", "error", null],
    ]);
  });

  it("maps and drops only unknown values, refuses impossible decisions, and flags options that matched nothing", () => {
    const row = nativeRow({
      coachingPhase: "outro",
      requiredContextKeys: ["user_name", "nick"],
      allowedActions: ["wave"],
      promptType: "bot",
    });
    const decided = planFileImport(nativeFile(row), {
      mappings: {
        outro: "introduction",
        wave: "user_name",
        bot: "sentinel",
        user_name: "identities",
        typo: "identities",
      },
      drops: ["nick"],
    }).report;
    expect(decided.rows[0]!.problems.map((p) => [p.field, p.code, p.value])).toEqual([
      ["coachingPhase", "value_mapped", "outro"],
      ["requiredContextKeys", "value_dropped", "nick"],
      ["allowedActions", "invalid_mapping", "wave"], // user_name is a context key, not an action
      ["promptType", "value_mapped", "bot"],
    ]);
    expect(decided.problems.map((p) => [p.code, p.value])).toEqual([
      ["unused_option", "user_name"],
      ["unused_option", "typo"],
    ]);
    expect(decided.canApply).toBe(false);

    const phaseDropped = planFileImport(nativeFile(row), { drops: ["outro"] }).report;
    expect(phaseDropped.rows[0]!.problems[0]).toMatchObject({
      code: "invalid_mapping",
      message: expect.stringContaining("cannot be dropped"),
    });
    const badTarget = planFileImport(nativeFile(nativeRow()), {
      mappings: { a: "nothing_known" },
      drops: ["a"],
    }).report;
    expect(badTarget.problems.map((p) => p.code)).toEqual([
      "unknown_map_target",
      "map_and_drop",
      "unused_option",
      "unused_option",
    ]);
    expect(badTarget.canApply).toBe(false);
  });

  it("keeps a mapped value once when the list already has it, and says so", () => {
    const row = nativeRow({ allowedActions: ["transition_phase", "transition_state"] });
    const { report, toInsert } = planFileImport(nativeFile(row), {
      mappings: { transition_state: "transition_phase" },
    });
    expect(report.rows[0]!.problems.map((p) => p.code)).toEqual(["value_mapped", "duplicate_value"]);
    expect(toInsert[0]!.allowedActions).toEqual(["transition_phase"]);
  });
});
