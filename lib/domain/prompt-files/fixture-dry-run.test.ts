import { describe, expect, it } from "vitest";
import { readOldSystemFixture } from "@/tests/support/old-system-fixture";
import type { ImportReport } from "../schemas/import";
import { planFileImport } from "./index";

const { data } = readOldSystemFixture();

/** Every problem of the report as [row, phase vN, field, code, severity, value, line, column]. */
function defects(report: ImportReport) {
  return report.rows.flatMap((r) =>
    r.problems.map((p) => [
      p.row,
      `${r.coachingPhase ?? "-"} v${r.version}`,
      p.field,
      p.code,
      p.severity,
      p.value,
      p.line,
      p.column,
    ]),
  );
}

describe("dry run of the old system's real fixture (38 rows)", () => {
  it("reports exactly its known defects", () => {
    const { report } = planFileImport(data);
    expect(defects(report)).toEqual([
      [15, "identity_refinement v1", "body", "unbalanced_brace", "error", null, 53, 9], // "- Name: {user_name)"
      [15, "identity_refinement v1", "body", "unknown_key", "warning", "current_focus", 59, 25],
      [16, "identity_refinement v2", "body", "invalid_placeholder", "error", null, 71, 8], // literal JSON example
      [17, "identity_refinement v3", "body", "key_not_required", "warning", "identity_focus", 62, 60],
      [
        25,
        "introduction v2",
        "required_context_keys",
        "unknown_context_key",
        "error",
        "identity_brainstorming_context",
        null,
        null,
      ],
      [25, "introduction v2", "allowed_actions", "unknown_action", "error", "transition_state", null, null],
      [25, "introduction v2", "body", "unknown_key", "warning", "identity_brainstorming_context", 4, 1],
      [
        34,
        "system_context v2",
        "required_context_keys",
        "unknown_context_key",
        "error",
        "identity_brainstorming_context",
        null,
        null,
      ],
    ]);
    expect(report).toMatchObject({
      format: "django",
      total: 38,
      canApply: false,
      problems: [],
      counts: { new: 34, identical: 0, conflict: 0, blocked: 4, skipped: 0 },
      unknownValues: [
        { kind: "contextKey", value: "identity_brainstorming_context", rows: [25, 34], resolution: null },
        { kind: "action", value: "transition_state", rows: [25], resolution: null },
      ],
    });
    expect(report.rows.filter((r) => r.status === "blocked").map((r) => r.row)).toEqual([15, 16, 25, 34]);
  });

  it("becomes importable only through explicit decisions, each shown on its row", () => {
    const { report, toInsert } = planFileImport(data, {
      mappings: { transition_state: "transition_phase" },
      drops: ["identity_brainstorming_context"],
      invalidTemplates: "import",
    });
    expect(report.canApply).toBe(true);
    expect(report.counts).toEqual({ new: 38, identical: 0, conflict: 0, blocked: 0, skipped: 0 });
    expect(toInsert).toHaveLength(38);
    const decisions = defects(report).filter((d) => d[4] === "info");
    expect(decisions).toEqual([
      [
        25,
        "introduction v2",
        "required_context_keys",
        "value_dropped",
        "info",
        "identity_brainstorming_context",
        null,
        null,
      ],
      [25, "introduction v2", "allowed_actions", "value_mapped", "info", "transition_state", null, null],
      [
        34,
        "system_context v2",
        "required_context_keys",
        "value_dropped",
        "info",
        "identity_brainstorming_context",
        null,
        null,
      ],
    ]);
    expect(report.unknownValues.map((u) => u.resolution)).toEqual([
      { kind: "drop" },
      { kind: "map", to: "transition_phase" },
    ]);
    const intro2 = toInsert.find((r) => r.coachingPhase === "introduction" && r.version === 2);
    expect(intro2).toMatchObject({
      requiredContextKeys: ["user_name", "recent_messages"],
      allowedActions: ["transition_phase"],
      isActive: false,
    });
    // v3 is active and valid, so the two broken historical versions never serve: no warning about that.
    expect(defects(report).filter((d) => d[3] === "serves_invalid_template")).toEqual([]);
  });

  it("keeps ids, versions, flags and microsecond timestamps; turns Django's empty strings into null", () => {
    const { toInsert } = planFileImport(data, {
      drops: ["identity_brainstorming_context", "transition_state"],
      invalidTemplates: "import",
    });
    expect(toInsert[0]).toMatchObject({
      id: "015b1df9-7a9c-43e8-a526-698110bcf46a",
      coachingPhase: null,
      version: 1,
      promptType: "sentinel",
      isActive: true,
      createdAt: "2025-06-17T12:48:24.582447Z",
      updatedAt: "2025-06-23T13:08:46.477184Z",
    });
    const brainstorm1 = toInsert.find((r) => r.coachingPhase === "identity_brainstorming" && r.version === 1);
    expect(brainstorm1).toMatchObject({ name: null, description: null });
  });

  it("skips the invalid bodies when asked to, and refuses by default", () => {
    const { report } = planFileImport(data, {
      drops: ["identity_brainstorming_context", "transition_state"],
      invalidTemplates: "skip",
    });
    expect(report.counts).toEqual({ new: 36, identical: 0, conflict: 0, blocked: 0, skipped: 2 });
    expect(report.canApply).toBe(true);
  });
});
