import { describe, expect, it } from "vitest";
import { safeRedirectPath } from "./safe-redirect";

describe("safeRedirectPath", () => {
  it("keeps same-origin paths with their query and hash", () => {
    expect(safeRedirectPath("/prompts/introduction?from=2#body")).toBe("/prompts/introduction?from=2#body");
    expect(safeRedirectPath("/")).toBe("/");
  });

  it.each([
    "/\\evil.example", // what /login?callbackUrl=/%5Cevil.example decodes to
    "/\t/evil.example", // /%09/evil.example
    "/\n/evil.example",
    "//evil.example",
    "\\\\evil.example",
    "http://evil.example/",
    "https:evil.example",
    "javascript:alert(1)",
    "evil.example",
    "",
  ])("refuses %j", (target) => {
    expect(safeRedirectPath(target)).toBe("/");
  });

  it("falls back to what the caller names", () => {
    expect(safeRedirectPath(undefined, "/prompts")).toBe("/prompts");
  });
});
