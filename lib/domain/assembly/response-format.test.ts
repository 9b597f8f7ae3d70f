import { describe, expect, it } from "vitest";
import { describedActionSchema, fieldPaths, type ActionWordings } from "../action-instructions";
import { ACTION_TYPE_VALUES, actionJsonSchema } from "../catalog";
import { missingContextKeys, responseFormatFor } from "./index";

// Keywords OpenAI's strict structured outputs accept (platform.openai.com, "Supported schemas"):
// anything else (minLength, format, patternProperties, $ref beside siblings, ...) makes strict fail.
const STRICT_KEYWORDS = new Set([
  "type",
  "properties",
  "required",
  "additionalProperties",
  "items",
  "enum",
  "anyOf",
  "description",
]);

// A description at every place of every action, as a full wording set does.
const EVERY_DESCRIPTION: ActionWordings = Object.fromEntries(
  ACTION_TYPE_VALUES.map((type) => [
    type,
    {
      instruction: `Do ${type}.`,
      fieldDescriptions: Object.fromEntries(fieldPaths(type).map((p) => [p, `About ${p}`])),
    },
  ]),
);

function visitSchemas(schema: Record<string, unknown>, visit: (node: Record<string, unknown>) => void): void {
  visit(schema);
  const children: unknown[] = [
    ...Object.values((schema.properties as Record<string, unknown>) ?? {}),
    schema.items,
    ...((schema.anyOf as unknown[]) ?? []),
  ];
  for (const child of children) if (child && typeof child === "object") visitSchemas(child as never, visit);
}

describe("responseFormatFor", () => {
  it("requires message and every allowed action, each action nullable", () => {
    const wordings = { add_user_note: { instruction: "x", fieldDescriptions: { notes: "Facts" } } };
    expect(responseFormatFor(["add_user_note", "transition_phase"], wordings)).toEqual({
      type: "object",
      properties: {
        message: { type: "string" },
        add_user_note: { anyOf: [describedActionSchema("add_user_note", wordings.add_user_note), { type: "null" }] },
        transition_phase: { anyOf: [actionJsonSchema("transition_phase"), { type: "null" }] },
      },
      required: ["message", "add_user_note", "transition_phase"],
      additionalProperties: false,
    });
  });

  it("carries the field descriptions of the wording", () => {
    const format = responseFormatFor(["update_user_note"], EVERY_DESCRIPTION);
    const payload = (format.properties as Record<string, { anyOf: Record<string, unknown>[] }>).update_user_note!
      .anyOf[0]!;
    expect(payload).toMatchObject({
      properties: {
        params: {
          description: "About ",
          properties: { notes: { items: { properties: { id: { description: "About notes[].id" } } } } },
        },
      },
    });
  });

  it("uses only keywords OpenAI strict mode supports, with every object closed and fully required", () => {
    const format = responseFormatFor(ACTION_TYPE_VALUES, EVERY_DESCRIPTION);
    let objects = 0;
    visitSchemas(format, (node) => {
      for (const key of Object.keys(node)) expect(STRICT_KEYWORDS, `keyword ${key}`).toContain(key);
      if (node.type === "object") {
        objects++;
        expect(node.additionalProperties).toBe(false);
        expect([...(node.required as string[])].sort()).toEqual(Object.keys(node.properties as object).sort());
      }
    });
    expect(objects).toBeGreaterThan(44);
  });

  it("returns copies, so a caller mutating the result cannot corrupt the catalog's cached schemas", () => {
    const format = responseFormatFor(["add_user_note"], {});
    const property = (format.properties as Record<string, { anyOf: Record<string, unknown>[] }>).add_user_note!;
    property.anyOf[0]!.type = "string";
    expect(actionJsonSchema("add_user_note").type).toBe("object");
  });
});

describe("missingContextKeys", () => {
  const prompt = {
    body: "{user_name} {identities} {user_name}",
    requiredContextKeys: ["current_phase", "user_name", "current_phase"],
  };
  it("returns required keys and placeholders that are absent, undefined or null, sorted and unique", () => {
    expect(missingContextKeys(prompt, {})).toEqual(["current_phase", "identities", "user_name"]);
    expect(missingContextKeys(prompt, { user_name: "", identities: undefined, current_phase: null })).toEqual([
      "current_phase",
      "identities",
    ]);
  });
  it("returns nothing when every key has a value, even falsy ones", () => {
    expect(missingContextKeys(prompt, { user_name: "", identities: 0, current_phase: false })).toEqual([]);
  });
  it("ignores Object.prototype properties", () => {
    expect(missingContextKeys({ body: "{constructor}", requiredContextKeys: ["toString"] }, {})).toEqual([
      "constructor",
      "toString",
    ]);
  });
  it("checks only the required keys when the body does not parse", () => {
    expect(missingContextKeys({ body: "{identities} {0}", requiredContextKeys: ["user_name"] }, {})).toEqual([
      "user_name",
    ]);
  });
});
