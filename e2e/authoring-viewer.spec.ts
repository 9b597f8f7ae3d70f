import { expect, test } from "@playwright/test";
import { signIn } from "./support/auth";
import { expectAccessible, screenshot } from "./support/authoring";

test.use({ viewport: { width: 1440, height: 1000 } });

test("a viewer reads and previews but sees no edit controls, and the server refuses writes anyway", async ({
  page,
}) => {
  await signIn(page, "viewer", "/prompts/introduction");
  await expect(page.getByRole("heading", { level: 1, name: "Introduction" })).toBeVisible();
  await expect(page.locator(".monaco-editor").first()).toBeVisible();
  await expect(page.getByRole("button", { name: "Save as new version" })).toHaveCount(0);
  await expect(page.getByRole("combobox", { name: "Required context keys" })).toHaveCount(0);
  await expect(page.getByRole("link", { name: /Edit from/ })).toHaveCount(0);
  await expect(page.getByRole("region", { name: "Preview" })).toBeVisible();
  await expectAccessible(page, "viewer phase page");
  await screenshot(page, "viewer-phase");

  await page.goto("/prompts/introduction/v/1");
  await expect(page.getByRole("button", { name: /Deactivate|Activate|Roll back/ })).toHaveCount(0);
  await expect(page.getByRole("link", { name: "Preview this version" })).toBeVisible();

  const write = await page.request.post("/api/prompts", { data: { coachingPhase: "introduction", body: "x" } });
  expect(write.status()).toBe(403);
  const list = await page.request.get("/api/prompts?phase=introduction");
  expect(list.status()).toBe(200);
});
