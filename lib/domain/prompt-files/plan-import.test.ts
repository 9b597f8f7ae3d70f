import { describe, expect, it } from "vitest";
import { NATIVE_FORMAT, type PromptRecord } from "../schemas/prompt-files";
import { planFileImport, type ExistingPrompt } from "./index";

let n = 0;
const record = (over: Partial<PromptRecord> = {}): PromptRecord => ({
  id: `7d7f6f0e-1c1a-4a57-9a55-${String(++n).padStart(12, "0")}`,
  coachingPhase: "introduction",
  version: 1,
  name: null,
  description: null,
  body: "Hi {user_name}",
  requiredContextKeys: ["user_name"],
  allowedActions: [],
  promptType: "coach",
  isActive: true,
  createdAt: "2025-01-01T00:00:00.000000Z",
  updatedAt: "2025-01-01T00:00:00.000000Z",
  ...over,
});
const file = (...prompts: PromptRecord[]) => ({ format: NATIVE_FORMAT, formatVersion: 1, prompts });
const stored = (r: PromptRecord): ExistingPrompt => ({ ...r });
const statuses = (plan: ReturnType<typeof planFileImport>) =>
  plan.report.rows.map((r) => [r.status, ...r.problems.map((p) => p.code)]);

describe("planImport", () => {
  it("skips identical versions, never overwrites a conflicting one, and inserts only new ones", () => {
    const same = record({ version: 1, name: "Old name" });
    const changed = record({ version: 2 });
    const fresh = record({ version: 3 });
    const existing = [
      stored({ ...same, name: "Renamed", isActive: false }),
      stored({ ...changed, body: "Other {user_name}" }),
    ];
    const plan = planFileImport(file(same, changed, fresh), {}, { existing });
    expect(statuses(plan)).toEqual([["identical", "metadata_differs"], ["conflict", "version_conflict"], ["new"]]);
    expect(plan.report.rows[0]!.problems[0]!.message).toBe(
      "name, active flag differ from the stored version and are not changed",
    );
    expect(plan.toInsert.map((r) => r.version)).toEqual([3]);
    expect(plan.report.canApply).toBe(true);
  });

  it("treats a reordered action list as different content", () => {
    const a = record({ allowedActions: ["transition_phase", "add_user_note"] });
    const plan = planFileImport(
      file(a),
      {},
      { existing: [stored({ ...a, allowedActions: ["add_user_note", "transition_phase"] })] },
    );
    expect(statuses(plan)).toEqual([["conflict", "version_conflict"]]);
  });

  it("reports a reused id and a different id for the same content", () => {
    const taken = record({ version: 5 });
    const sameContent = record({ version: 6 });
    const existing = [
      stored({ ...taken, version: 9 }),
      stored({ ...sameContent, id: "00000000-0000-4000-8000-000000000001" }),
    ];
    expect(statuses(planFileImport(file(taken, sameContent), {}, { existing }))).toEqual([
      ["conflict", "id_conflict"],
      ["identical", "different_id"],
    ]);
  });

  it("blocks the second of two rows with the same id or the same phase and version", () => {
    const first = record();
    const plan = planFileImport(file(first, { ...first, version: 2 }, record({ version: 1 })));
    expect(statuses(plan)).toEqual([["new"], ["blocked", "duplicate_in_file"], ["blocked", "duplicate_in_file"]]);
    expect(plan.report.rows[2]!.problems[0]!.message).toBe("Row 1 already has this phase and version");
    expect(plan.report.canApply).toBe(false);
  });

  it("warns when an imported invalid body would become the serving version, and only then", () => {
    const broken = (version: number, isActive = true) =>
      record({ coachingPhase: "identity_refinement", version, isActive, body: "Hi {user_name)" });
    const importing = { invalidTemplates: "import" as const };
    const serves = (plan: ReturnType<typeof planFileImport>) =>
      plan.report.rows.map((r) => r.problems.some((p) => p.code === "serves_invalid_template"));
    expect(serves(planFileImport(file(broken(1), broken(2)), importing))).toEqual([false, true]);
    expect(
      serves(planFileImport(file(broken(2)), importing, { productionByScope: new Map([["identity_refinement", 3]]) })),
    ).toEqual([false]);
    expect(
      serves(planFileImport(file(broken(2), record({ coachingPhase: "identity_refinement", version: 3 })), importing)),
    ).toEqual([false, false]);
    expect(serves(planFileImport(file(broken(4, false)), importing))).toEqual([false]);
  });
});
