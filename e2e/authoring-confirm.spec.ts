import { expect, test } from "@playwright/test";
import { signIn } from "./support/auth";
import { bodyEditor, expectAccessible, typeInBody } from "./support/authoring";
import { setRequiredApprovals } from "./support/releases";

// Types in identity_refinement's editor without saving; reads introduction's versions.
test.use({ viewport: { width: 1400, height: 900 } });
const PHASE = "identity_refinement";

test("Discard changes asks first; cancelling keeps the draft, confirming wipes it", async ({ page }) => {
  await signIn(page, "designer", `/prompts/${PHASE}`);
  await typeInBody(page, "\nA line worth keeping.");
  await expect(page.getByText("Unsaved changes")).toBeVisible();

  // Keyboard: the dialog opens with "Keep my changes" focused, so Enter never discards by accident.
  await page.getByRole("button", { name: "Discard changes" }).focus();
  await page.keyboard.press("Enter");
  const confirm = page.getByRole("dialog", { name: "Discard your changes?" });
  await expect(confirm).toBeVisible();
  await expect(confirm.getByRole("button", { name: "Keep my changes" })).toBeFocused();
  await expectAccessible(page, "discard confirmation");
  await page.keyboard.press("Enter");
  await expect(confirm).toBeHidden();
  await expect(bodyEditor(page)).toContainText("A line worth keeping.");
  await expect(page.getByText("Unsaved changes")).toBeVisible();

  // Escape cancels too.
  await page.getByRole("button", { name: "Discard changes" }).click();
  await expect(confirm).toBeVisible();
  await page.keyboard.press("Escape");
  await expect(confirm).toBeHidden();
  await expect(bodyEditor(page)).toContainText("A line worth keeping.");

  await page.getByRole("button", { name: "Discard changes" }).click();
  await confirm.getByRole("button", { name: "Discard changes" }).click();
  await expect(page.getByText("No changes")).toBeVisible();
  await expect(bodyEditor(page)).not.toContainText("A line worth keeping.");
  await page.reload();
  await expect(bodyEditor(page)).toBeVisible();
  await expect(page.getByText(/Restored your unsaved changes/)).toHaveCount(0);
});

test("deactivating an active version that is not serving asks first, and Cancel changes nothing", async ({
  page,
  browser,
}) => {
  // Deactivate is offered only where no review is required (policy 0); it is put back afterwards.
  await setRequiredApprovals(browser, 0);
  try {
    await deactivateAndCancel(page);
  } finally {
    await setRequiredApprovals(browser, 1);
  }
});

async function deactivateAndCancel(page: import("@playwright/test").Page) {
  // The seeded introduction phase: v1 is active, v2 serves. Nothing is changed here.
  await signIn(page, "designer", "/prompts/introduction/v/1");
  await expect(page.locator(".meta-grid")).not.toContainText("Serving");
  await page.getByRole("button", { name: "Deactivate" }).click();
  const confirm = page.getByRole("dialog", { name: "Deactivate version 1?" });
  await expect(confirm).toBeVisible();
  await expect(confirm).toContainText("Resolve keeps serving what it serves now");
  await expect(confirm.getByRole("button", { name: "Cancel" })).toBeFocused();
  await expectAccessible(page, "deactivate confirmation");
  await page.keyboard.press("Enter"); // Enter on the focused Cancel
  await expect(confirm).toBeHidden();
  await page.reload();
  await expect(page.getByRole("button", { name: "Deactivate" })).toBeVisible(); // still active
}

test("the role select on /admin proposes a change and applies it only when confirmed", async ({ page }) => {
  await signIn(page, "admin", "/admin");
  const email = `role-${Date.now()}@e2e.test`;
  const add = page.getByRole("form", { name: "Add a person" });
  await add.getByLabel("Email").fill(email);
  await add.getByLabel("Password").fill("a-long-enough-password");
  await add.getByLabel("Role").selectOption("viewer");
  await add.getByRole("button", { name: "Add person" }).click();
  const role = page.getByLabel(`Role of ${email}`);
  await expect(role).toHaveValue("viewer");

  await role.selectOption("admin");
  const confirm = page.getByRole("dialog", { name: `Make ${email} an admin?` });
  await expect(confirm).toBeVisible();
  await expectAccessible(page, "role change confirmation");
  await page.keyboard.press("Escape");
  await expect(confirm).toBeHidden();
  await expect(role).toHaveValue("viewer"); // the select shows the role that is stored
  await page.reload();
  await expect(page.getByLabel(`Role of ${email}`)).toHaveValue("viewer");

  await page.getByLabel(`Role of ${email}`).selectOption("designer");
  await page
    .getByRole("dialog", { name: `Make ${email} a designer?` })
    .getByRole("button", { name: "Make designer" })
    .click();
  await expect(page.getByRole("status").filter({ hasText: `${email} is now designer` })).toBeVisible();
  await page.reload();
  await expect(page.getByLabel(`Role of ${email}`)).toHaveValue("designer");
});
