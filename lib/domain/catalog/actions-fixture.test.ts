import { describe, expect, it } from "vitest";
import { readOldActionsFixture } from "@/tests/support/old-system-fixture";
import { dereference, withoutKeywords } from "../json-schema";
import { ACTION_TYPE_VALUES, actionJsonSchema, isActionType } from "./index";

// The old system's action models (pydantic JSON Schema) are the authority for the params' shape:
// the old backend's action handler parses the model's answer with them. Descriptions and titles are
// wording (managed content on our side); everything else must be equal.
const { actions: old } = readOldActionsFixture();
const shape = (schema: Record<string, unknown>) => withoutKeywords(dereference(schema), ["description", "title"]);

describe("action catalog against the old action models", () => {
  it("has exactly the old system's 22 action types", () => {
    expect(old).toHaveLength(22);
    expect([...ACTION_TYPE_VALUES].sort()).toEqual(old.map((a) => a.action_type).sort());
  });

  it.each(old.map((a) => [a.action_type, a] as const))("%s: same names, types, enums, nesting, required", (type, a) => {
    if (!isActionType(type)) throw new Error(`unknown action ${type}`);
    expect(actionJsonSchema(type)).toEqual(shape(a.params_schema));
  });

  it("requires all seven update_identity params and a boolean for the canned response component", () => {
    const params = (type: string) =>
      (shape(old.find((a) => a.action_type === type)!.params_schema) as { properties: { params: unknown } }).properties
        .params;
    expect(params("update_identity")).toMatchObject({
      required: ["id", "name", "affirmation", "visualization", "state", "notes", "category"],
    });
    expect(params("show_introduction_canned_response_component")).toMatchObject({
      properties: { show_introduction_canned_response_component: { type: "boolean" } },
    });
    expect(actionJsonSchema("update_identity")).toMatchObject({ properties: { params: params("update_identity") } });
  });

  it("puts additionalProperties: false on every object of every action", () => {
    const objects: Record<string, unknown>[] = [];
    const collect = (node: unknown): void => {
      if (Array.isArray(node)) node.forEach(collect);
      else if (node && typeof node === "object") {
        const record = node as Record<string, unknown>;
        if (record.type === "object") objects.push(record);
        Object.values(record).forEach(collect);
      }
    };
    for (const type of ACTION_TYPE_VALUES) collect(actionJsonSchema(type));
    expect(objects.length).toBeGreaterThan(44);
    for (const object of objects) expect(object.additionalProperties).toBe(false);
  });
});
