import { describe, expect, it } from "vitest";
import { readOldSystemFixture } from "@/tests/support/old-system-fixture";
import { djangoFixtureSchema, nativeExportSchema, type PromptRecord } from "../schemas/prompt-files";
import { djangoDocument, nativeDocument, planFileImport } from "./index";

const { text: fixtureText, data: fixture } = readOldSystemFixture();
// The fixture's rows as records, with its two unknown values dropped and its broken bodies kept.
const records = planFileImport(fixture, {
  drops: ["identity_brainstorming_context", "transition_state"],
  invalidTemplates: "import",
}).toInsert;

describe("export documents", () => {
  it("write the same bytes whatever order the versions come in", () => {
    const shuffled = [...records].reverse();
    expect(nativeDocument(shuffled)).toBe(nativeDocument(records));
    expect(djangoDocument(shuffled)).toBe(djangoDocument(records));
  });

  it("native: fixed key order, canonical timestamps, phase-less first, then phase and version; reads back unchanged", () => {
    const text = nativeDocument(records);
    const doc = nativeExportSchema.parse(JSON.parse(text));
    expect(Object.keys(doc.prompts[0]!)).toEqual([
      "id",
      "coachingPhase",
      "version",
      "name",
      "description",
      "body",
      "requiredContextKeys",
      "allowedActions",
      "promptType",
      "isActive",
      "createdAt",
      "updatedAt",
    ]);
    expect(doc.prompts.map((p) => `${p.coachingPhase}:${p.version}`).slice(0, 4)).toEqual([
      "null:1",
      "get_to_know_you:1",
      "get_to_know_you:2",
      "identity_brainstorming:1",
    ]);
    expect(text.endsWith("}\n")).toBe(true);
    expect(planFileImport(JSON.parse(text), { invalidTemplates: "import" }).toInsert).toEqual(records);
  });

  it("django: the old fixture's exact bytes, except the two rows whose unknown values were dropped", () => {
    const expected = structuredClone(fixture) as { pk: string; fields: Record<string, unknown> }[];
    const edited = (pk: string) => expected.find((r) => r.pk.startsWith(pk))!.fields;
    Object.assign(edited("00c25f31"), { required_context_keys: ["user_name", "recent_messages"], allowed_actions: [] });
    Object.assign(edited("9929be1d"), { required_context_keys: [] });
    const text = djangoDocument(records);
    expect(text).toBe(JSON.stringify(expected, null, 2));
    expect(djangoFixtureSchema.safeParse(JSON.parse(text)).success).toBe(true);
    // The fixture's own bytes are this very serialization, so the export differs from the old file
    // in the two edited rows only.
    expect(JSON.stringify(fixture, null, 2)).toBe(fixtureText);
  });

  it("django: names and descriptions without a value are empty strings, as Django stores them", () => {
    const bare: PromptRecord = { ...records[1]!, name: null, description: null };
    const [row] = JSON.parse(djangoDocument([bare])) as { fields: Record<string, unknown> }[];
    expect(row!.fields).toMatchObject({ name: "", description: "" });
  });
});
