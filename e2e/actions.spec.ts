import { expect, test } from "@playwright/test";
import { OLD_ACTIONS_FIXTURE } from "@/tests/support/old-system-fixture";
import { signIn } from "./support/auth";

test.use({ viewport: { width: 1440, height: 1000 } });
// Edits only accept_identity_visualization's wording; no other spec reads it.
const ACTION = "accept_identity_visualization";

test("a designer edits an action's wording with a live preview and activates it as a new version", async ({ page }) => {
  await signIn(page, "designer", "/actions");
  await expect(page.getByRole("heading", { name: "Actions", level: 1 })).toBeVisible();
  await expect(page.locator(".actions-table tbody tr")).toHaveCount(22);
  await page.getByRole("link", { name: ACTION }).click();
  await expect(page).toHaveURL(new RegExp(`/actions/${ACTION}$`));

  const words = `Mark the visualization done ${Date.now()}.`;
  await page.getByRole("textbox", { name: "Instruction", exact: true }).fill(words);
  await page.getByRole("textbox", { name: "id", exact: true }).fill("The identity whose picture is finished");
  const preview = page.getByTestId("action-preview");
  await expect(preview).toContainText(`**${ACTION}**: ${words}`);
  await expect(preview).toContainText('"description":"The identity whose picture is finished"');
  await expect(preview).toContainText("# Available Actions");

  await page.getByLabel("Change note").fill("e2e wording");
  await page.getByRole("button", { name: "Save and activate" }).click();
  await expect(page.getByRole("status").filter({ hasText: /Saved v\d+ and activated it/ })).toBeVisible();
  const versions = page.getByRole("region", { name: "Versions" });
  await expect(versions.locator("tbody tr").first()).toContainText("production");
  await expect(versions.locator("tbody tr").first()).toContainText("e2e wording");
  await expect(versions.locator("tbody tr").first()).toContainText(words);
});

test("a viewer reads an action's wording but gets no editor", async ({ page }) => {
  await signIn(page, "viewer", `/actions/${ACTION}`);
  await expect(page.getByRole("region", { name: "Wording" })).toBeVisible();
  await expect(page.getByRole("region", { name: "Edit wording" })).toHaveCount(0);
  await expect(page.getByRole("button", { name: /Activate|Deactivate/ })).toHaveCount(0);
});

test("the preview sends user notes and structured conversation turns as production does", async ({ page }) => {
  await signIn(page, "viewer", "/prompts/introduction/preview");
  await page.getByLabel(/^user_name/).fill("Grace");
  await page.getByLabel(/^user_notes/).fill("- Likes tea");
  await page.getByRole("button", { name: "Add turn" }).click();
  await page.getByLabel("Message 1").fill("Hi, I am Grace.");
  await page.getByRole("button", { name: "Add turn" }).click();
  await expect(page.getByLabel("Speaker 2")).toHaveValue("coach");
  await page.getByLabel("Message 2").fill("Welcome, Grace!");
  await page.getByRole("region", { name: "Preview" }).getByRole("button", { name: "Preview", exact: true }).click();
  const result = page.locator(".preview-result");
  await expect(result).toContainText("- Likes tea");
  await expect(result).toContainText("**User:**");
  await expect(result).toContainText("**Coach:**\nWelcome, Grace!");
});

test("the import page recognises the old action file: dry-run report first, then the import", async ({ page }) => {
  await signIn(page, "designer", "/prompts/import");
  await page.getByLabel("Prompt file (.json)").setInputFiles(OLD_ACTIONS_FIXTURE);
  const report = page.getByRole("region", { name: "Action file report" });
  await expect(report.getByRole("status")).toContainText("Dry run: 22 new versions, 0 unchanged, 0 blocked.");
  await expect(report.locator("tbody tr")).toHaveCount(22);
  await report.getByRole("button", { name: "Import 22 action wordings" }).click();
  await expect(report.getByRole("status")).toHaveText("Imported 22 action wordings as new active versions.");
});
