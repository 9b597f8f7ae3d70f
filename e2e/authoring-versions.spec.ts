import { expect, test } from "@playwright/test";
import { signIn } from "./support/auth";
import { expectAccessible, resolveKey, saveVersionViaApi, screenshot } from "./support/authoring";
import { setRequiredApprovals } from "./support/releases";

// Owns the identity_visualization phase.
test.use({ viewport: { width: 1440, height: 1000 } });
const PHASE = "identity_visualization";

// The direct paths (plain rollback, activate) as a team without required approvals has them; the
// release flow with approval is in releases.spec.ts.
test.beforeAll(async ({ browser }) => setRequiredApprovals(browser, 0));
test.afterAll(async ({ browser }) => setRequiredApprovals(browser, 1));

test("diff any two versions, then roll back with a confirmation that lists what it deactivates", async ({
  page,
  browser,
  request,
}) => {
  const key = await resolveKey(browser);
  await signIn(page, "designer", `/prompts/${PHASE}`);
  const base = { coachingPhase: PHASE, requiredContextKeys: ["user_name", "current_identity"], isActive: true };
  const first = await saveVersionViaApi(page.request, {
    ...base,
    name: "Rollback target",
    body: "Picture {current_identity}, {user_name}.",
    allowedActions: ["update_identity_visualization"],
  });
  const second = await saveVersionViaApi(page.request, {
    ...base,
    name: "Bolder",
    body: "Picture {current_identity} vividly, {user_name}.\nAdd a sound.",
    allowedActions: [],
    description: "Bolder wording",
  });
  const third = await saveVersionViaApi(page.request, {
    ...base,
    name: "Newest",
    body: "Newest {current_identity} for {user_name}.",
    requiredContextKeys: ["user_name", "current_identity", "user_notes"],
    promptType: "coach",
  });

  await page.goto(`/prompts/${PHASE}/diff?from=${first.version}&to=${second.version}`);
  const meta = page.getByRole("region", { name: /Other changes/ });
  await expect(meta).toContainText("Name: Rollback target → Bolder");
  await expect(meta).toContainText("Allowed actions: − update_identity_visualization");
  const diff = page.locator(".monaco-diff-editor");
  await expect(diff).toBeVisible();
  await expect(diff.locator(".line-insert, .char-insert").first()).toBeVisible(); // computed by the diff worker
  await expectAccessible(page, "diff");
  await screenshot(page, "diff");

  // Pick another pair with the form (a plain GET form), then the version view of the older one.
  await page.getByLabel("To (newer)").selectOption(String(third.version));
  await page.getByRole("button", { name: "Compare" }).click();
  await expect(page).toHaveURL(new RegExp(`to=${third.version}`));
  await expect(meta).toContainText("Required context keys: + user_notes");

  await page.goto(`/prompts/${PHASE}/v/${first.version}`);
  await expect(page.getByRole("heading", { level: 1 })).toContainText(`version ${first.version}`);
  await expect(
    page
      .getByRole("region", { name: `History of v${first.version}` })
      .getByText(`designer@e2e.test saved v${first.version}`),
  ).toBeVisible(); // history from the audit log
  await expectAccessible(page, "version view");
  await screenshot(page, "version-view");
  await page.getByRole("button", { name: "Roll back to this version" }).click();
  const confirm = page.getByRole("dialog", { name: `Roll back to version ${first.version}?` });
  await expect(confirm).toContainText(`Deactivates v${third.version}, v${second.version}`);
  await expectAccessible(page, "rollback confirmation");
  await confirm.getByRole("button", { name: `Roll back to v${first.version}` }).click();
  await expect(
    page.getByRole("status").filter({ hasText: `Rolled back: v${first.version} is serving now.` }),
  ).toBeVisible();
  await expect(page.locator(".meta-grid")).toContainText("Serving");

  const served = await request.post("/api/resolve", {
    headers: { authorization: `Bearer ${key}` },
    data: { phase: PHASE, context: { user_name: "Ada", current_identity: "Painter" } },
  });
  expect((await served.json()).prompt.version).toBe(first.version);

  // Activate the newest again from its own page: it serves once more.
  await page.goto(`/prompts/${PHASE}/v/${third.version}`);
  await page.getByRole("button", { name: "Activate" }).click();
  await expect(page.getByRole("status").filter({ hasText: `v${third.version} is active.` })).toBeVisible();
  await expect(page.locator(".meta-grid")).toContainText("Serving");
});
