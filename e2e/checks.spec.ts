import { expect, test } from "@playwright/test";
import { signIn } from "./support/auth";
import { typeInBody } from "./support/authoring";

// #9 item 4: a sample context with expectations checks every draft live in the editor, and the
// version page shows the checks of a saved version. No other spec touches this phase's samples
// (a sample that fails a phase's drafts would block releases there).
test.use({ viewport: { width: 1440, height: 1000 } });
const PHASE = "identity_brainstorming";

test("a designer's expectation fails a draft live, the fix passes, and the version page shows the checks", async ({
  page,
}) => {
  const sample = `Checks sample ${Date.now()}`;
  await signIn(page, "designer", `/prompts/${PHASE}`);
  await typeInBody(page, "Brainstorm with {user_name}.", { replace: true });

  // Fill every context field the draft needs, then save the values as a sample that must never
  // mention a favourite anything.
  const preview = page.getByRole("region", { name: "Preview this draft" });
  const fields = preview.locator(".context-fields").locator("input, textarea");
  for (let i = 0; i < (await fields.count()); i++) await fields.nth(i).fill(i === 0 ? "Ada" : "some value");
  await preview.getByLabel(/^user_name/).fill("Ada");
  await preview.getByText(/^Expectations/).click();
  await preview.getByLabel("Must not contain (one phrase per line)").fill("favourite");
  await preview.getByLabel("Must contain (one phrase per line)").fill("Ada");
  await preview.getByLabel("Save these values as").fill(sample);
  await preview.getByRole("button", { name: "Save sample" }).click();
  await expect(page.getByRole("status").filter({ hasText: `Saved sample “${sample}”` })).toBeVisible();

  const checks = page.getByRole("region", { name: "Checks on this draft" });
  await checks.getByRole("button", { name: "Run checks again" }).click();
  const mine = checks.getByRole("list", { name: "Draft checks" }).getByRole("listitem").filter({ hasText: sample });
  await expect(mine).toContainText("✓ Pass");

  await typeInBody(page, " What is your favourite colour?");
  await expect(mine).toContainText("✗ Fail");
  await expect(mine).toContainText('The text contains "favourite"');
  await expect(mine).toContainText("your favourite colour");

  await typeInBody(page, "Brainstorm with {user_name}. What would you like to explore?", { replace: true });
  await expect(mine).toContainText("✓ Pass");

  await page.getByLabel("Change note").fill("Ask an open question");
  await page.getByRole("button", { name: "Save as new version" }).click();
  await expect(page).toHaveURL(new RegExp(`/prompts/${PHASE}\\?saved=\\d+`));
  const saved = new URL(page.url()).searchParams.get("saved");

  await page.goto(`/prompts/${PHASE}/v/${saved}`);
  const versionChecks = page.getByRole("list", { name: `Checks of v${saved}` });
  await expect(versionChecks.getByRole("listitem").filter({ hasText: sample })).toContainText("✓ Pass");
});
