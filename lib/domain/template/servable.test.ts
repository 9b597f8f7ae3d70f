import { describe, expect, it } from "vitest";
import { AppError } from "../errors";
import { assertServableTemplate } from "./servable";

function refusal(body: string): AppError {
  try {
    assertServableTemplate(body);
  } catch (error) {
    return error as AppError;
  }
  throw new Error("accepted");
}

describe("assertServableTemplate", () => {
  it("accepts catalog keys and escaped braces", () => {
    expect(() => assertServableTemplate("Hi {user_name}, {{not a key}}")).not.toThrow();
  });

  it("refuses a placeholder that is not a catalog key, naming it with its position", () => {
    const e = refusal("Hi {user_name},\nyour {favourite_color}?");
    expect(e.code).toBe("invalid_template");
    expect(e.message).toContain("{favourite_color}");
    expect(e.details).toEqual({ unknownKeys: [{ key: "favourite_color", line: 2, column: 6 }] });
  });

  it("still refuses a body that does not parse, with the parser's error", () => {
    const e = refusal("Hi {user_name)");
    expect(e.code).toBe("invalid_template");
    expect(e.details).toHaveProperty("errors");
  });
});
