import { expect, test } from "@playwright/test";
import { signIn, emailFor } from "./support/auth";
import { expectAccessible } from "./support/authoring";

// Adds an inactive version to identity_warm_up (inactive: serving stays as the layout spec expects).
test.use({ viewport: { width: 1400, height: 900 } });

test("the Audit page filters by actor, action, target and time, links to the version, and diffs before/after", async ({
  page,
}) => {
  await signIn(page, "admin", "/admin");
  const created = await page.request.post("/api/prompts", {
    data: {
      coachingPhase: "identity_warm_up",
      name: "Audited draft",
      body: "Warm up {user_name}.",
      requiredContextKeys: ["user_name"],
      isActive: false,
    },
  });
  expect(created.status()).toBe(201);
  const prompt = (await created.json()) as { id: string; version: number };
  const email = `audited-${Date.now()}@e2e.test`;
  const user = await page.request.post("/api/users", {
    data: { email, password: "a-long-enough-password", role: "viewer" },
  });
  expect(user.status()).toBe(201);
  const userId = ((await user.json()) as { id: string }).id;
  expect((await page.request.patch(`/api/users/${userId}`, { data: { role: "designer" } })).status()).toBe(200);

  // From the header: the Audit log link (admins only).
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Audit log" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Audit log" })).toBeVisible();
  const filters = page.getByRole("search", { name: "Filter the audit log" });
  await filters.getByLabel("Actor").selectOption({ label: emailFor("admin") });
  await filters.getByLabel("Action").selectOption("prompt.create");
  await filters.getByRole("button", { name: "Filter" }).click();
  await expect(page).toHaveURL(/action=prompt\.create/);
  const table = page.getByRole("table", { name: "Audit events, newest first" });
  const row = table.getByRole("row").filter({ hasText: `identity_warm_up/v/${prompt.version}` });
  await expect(row).toHaveCount(1);
  await expect(table.getByRole("row").filter({ hasText: "user.update" })).toHaveCount(0);

  // The change of a role: before/after as a line diff, opened from the keyboard.
  await page.goto(`/admin/audit?target=${userId}&action=user.update`);
  const update = table.getByRole("row").filter({ hasText: "user.update" });
  await expect(update).toHaveCount(1);
  await update.locator("summary").focus();
  await page.keyboard.press("Enter");
  await expect(update.locator("del")).toContainText(['"role": "viewer"']);
  await expect(update.locator("ins")).toContainText(['"role": "designer"']);
  await expectAccessible(page, "audit log with an open diff");

  // Time: nothing from a minute in the future on; everything of today from midnight.
  const inAMinute = new Date(Date.now() + 60_000).toISOString().slice(0, 16);
  await page.goto(`/admin/audit?target=${userId}&since=${inAMinute}`);
  await expect(page.getByText("No events match these filters.")).toBeVisible();
  await page.goto(`/admin/audit?target=${userId}&until=${inAMinute}`);
  await expect(table.getByRole("row").filter({ hasText: "user.create" })).toHaveCount(1);
  await page.goto(`/admin/audit?since=yesterday`);
  await expect(page.getByRole("alert").filter({ hasText: "since" })).toBeVisible(); // a clear error, no 500

  // The link leads to the version.
  await page.goto(`/admin/audit?target=${prompt.id}`);
  await table.getByRole("link", { name: `identity_warm_up/v/${prompt.version}` }).click();
  await expect(page).toHaveURL(new RegExp(`/prompts/identity_warm_up/v/${prompt.version}$`));
});

test("designers do not see or open the Audit page", async ({ page }) => {
  await signIn(page, "designer");
  await expect(page.getByRole("link", { name: "Audit log" })).toHaveCount(0);
  expect((await page.goto("/admin/audit"))?.status()).toBe(403);
});

test("an admin sets a new password for a person, who then signs in with it", async ({ page, browser }) => {
  await signIn(page, "admin", "/admin");
  const email = `reset-${Date.now()}@e2e.test`;
  const add = page.getByRole("form", { name: "Add a person" });
  await add.getByLabel("Email").fill(email);
  await add.getByLabel("Password").fill("the-first-password");
  await add.getByRole("button", { name: "Add person" }).click();
  await page.getByRole("button", { name: `Set a new password for ${email}` }).click();
  const dialog = page.getByRole("dialog", { name: `Set a new password for ${email}` });
  await expect(dialog).toBeVisible();
  await dialog.getByLabel("New password").fill("too-short");
  await expect(dialog.getByRole("button", { name: "Set password" })).toBeDisabled();
  await expectAccessible(page, "password reset dialog");
  await dialog.getByLabel("New password").fill("the-second-password");
  await page.keyboard.press("Enter"); // Enter in the field sets it
  await expect(dialog).toBeHidden();
  await expect(page.getByRole("status").filter({ hasText: `New password set for ${email}` })).toBeVisible();

  const other = await browser.newContext();
  const them = await other.newPage();
  await them.goto("/login");
  await them.getByLabel("Email").fill(email);
  await them.getByLabel("Password").fill("the-second-password");
  await them.getByRole("button", { name: "Sign in" }).click();
  await expect(them).not.toHaveURL(/\/login/);
  await other.close();
});

test("a new API key has a Copy button that puts the key on the clipboard", async ({ page, context }) => {
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  await signIn(page, "admin", "/admin");
  const form = page.getByRole("form", { name: "Create an API key" });
  await form.getByLabel("Name").fill(`copy-${Date.now()}`);
  await form.getByRole("button", { name: "Create key" }).click();
  const key = await page.getByLabel("New key").inputValue();
  expect(key).toMatch(/^pm_/);
  await page.getByRole("button", { name: "Copy key" }).focus();
  await page.keyboard.press("Enter");
  await expect(page.getByText("Copied to the clipboard.")).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(key);
});
