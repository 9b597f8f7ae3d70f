import { expect, test } from "@playwright/test";
import { signIn } from "./support/auth";
import { bodyEditor, expectAccessible, screenshot, typeInBody } from "./support/authoring";

// Reads get_to_know_you (never changes its versions); samples get names unique to this run.
test.use({ viewport: { width: 1440, height: 1000 } });
const PHASE = "get_to_know_you";

test("a product lead previews with a saved sample context; missing keys are marked in place", async ({ page }) => {
  const sample = `Lead sample ${Date.now()}`;
  await signIn(page, "viewer", `/prompts/${PHASE}/preview`);
  const panel = page.getByRole("region", { name: "Preview" });
  // Other specs share this database and may have saved samples the page starts from: start empty.
  for (const key of ["user_name", "asked_questions", "user_notes"])
    await page.getByLabel(new RegExp(`^${key}`)).fill("");
  await panel.getByRole("button", { name: "Preview", exact: true }).click();
  await expect(page.getByRole("alert").filter({ hasText: "Fill in" })).toHaveText(
    "Fill in 3 missing keys: asked_questions, user_name, user_notes.",
  );
  await expect(page.getByLabel(/^user_name/)).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByLabel(/^asked_questions/)).toBeFocused();

  await page.getByLabel(/^user_name/).fill("Grace");
  await page.getByLabel(/^asked_questions/).fill("background_upbringing");
  await page.getByLabel(/^user_notes/).fill("- Lives in Lisbon\n- Two kids");
  await page.getByLabel("Save these values as").fill(sample);
  await page.getByRole("button", { name: "Save sample" }).click();
  await expect(page.getByRole("status").filter({ hasText: `Saved sample “${sample}” for the team.` })).toBeVisible();

  // Shared: a fresh page load offers the sample and prefills the form from it.
  await page.reload();
  await page.getByLabel("Sample context").selectOption({ label: sample });
  await expect(page.getByLabel(/^user_name/)).toHaveValue("Grace");
  await page.getByLabel("Provider").selectOption("anthropic");
  await panel.getByRole("button", { name: "Preview", exact: true }).click();
  const result = page.locator(".preview-result");
  await expect(result).toContainText("Learn about Grace");
  await expect(result).toContainText("- Lives in Lisbon");
  await expect(result.getByTestId("char-count")).toHaveText(/^[\d,]+ characters$/);
  await expect(result).toContainText("System context");
  await expect(result).toContainText("Available actions");
  await result.getByText(/Response format JSON schema/).click();
  await expect(result).toContainText('"additionalProperties": false');
  await expectAccessible(page, "preview");
  await screenshot(page, "preview");
});

test("beside the editor, the preview assembles the unsaved draft", async ({ page }) => {
  await signIn(page, "designer", `/prompts/${PHASE}`);
  await expect(bodyEditor(page)).toBeVisible();
  await typeInBody(page, "Draft-only {user_name} check.", { replace: true });
  const panel = page.getByRole("region", { name: "Preview this draft" });
  await panel.getByLabel(/^user_name/).fill("Linus");
  await panel.getByLabel(/^asked_questions/).fill("none yet");
  await panel.getByLabel(/^user_notes/).fill("none");
  await panel.getByRole("button", { name: "Preview", exact: true }).click();
  await expect(panel.locator(".preview-result")).toContainText("Draft-only Linus check.");
  await expect(panel.locator(".preview-result")).toContainText("Unsaved draft");
  await screenshot(page, "editor-draft-preview");
});

test("prompts without a phase are previewed by type, like resolve does", async ({ page }) => {
  await signIn(page, "viewer", "/prompts/none/preview?type=sentinel");
  await page.getByLabel(/^previous_message/).fill("How was your week?");
  await page.getByLabel(/^current_message/).fill("I started running again.");
  await page.getByLabel(/^current_phase/).fill("identity_warm_up");
  await page.keyboard.press("ControlOrMeta+Enter");
  await expect(page.locator(".preview-result")).toContainText("User said: I started running again.");
  await expect(page.locator(".preview-result")).not.toContainText("System context"); // the sentinel is framed on its own

  await page.goto("/prompts/none/v/999");
  await expect(page.getByRole("heading", { name: "Not found" })).toBeVisible();
});
