import { expect, test } from "@playwright/test";
import AxeBuilder from "@axe-core/playwright";
import { signIn } from "./support/auth";

test("an admin creates a service key, sees it once, and it works at once; revoking stops it", async ({
  page,
  request,
}) => {
  await signIn(page, "admin", "/admin");
  await expect(page.getByRole("heading", { name: "Admin" })).toBeVisible();
  const name = `checkout-${Date.now()}`;
  const form = page.getByRole("form", { name: "Create an API key" });
  await form.getByLabel("Name").fill(name);
  await form.getByRole("button", { name: "Create key" }).click();
  await expect(page.getByRole("status").filter({ hasText: "shown only once" })).toBeVisible();
  const key = await page.getByLabel("New key").inputValue();
  expect(key).toMatch(/^pm_/);
  await page.screenshot({ path: "test-results/screens/admin.png", fullPage: true });

  const resolve = () =>
    request.post("/api/resolve", {
      headers: { authorization: `Bearer ${key}` },
      data: { phase: "introduction", context: { user_name: "Ada" } },
    });
  expect((await resolve()).status()).toBe(200);

  page.once("dialog", (d) => void d.accept());
  await page
    .getByRole("row", { name: new RegExp(name) })
    .getByRole("button", { name: "Revoke" })
    .click();
  await expect(page.getByRole("status").filter({ hasText: `Revoked ${name}` })).toBeVisible();
  expect((await resolve()).status()).toBe(401);

  const axe = await new AxeBuilder({ page }).analyze();
  expect(axe.violations.filter((v) => v.impact === "serious" || v.impact === "critical")).toEqual([]);
});

test("designers and viewers cannot open the admin page", async ({ page }) => {
  await signIn(page, "designer");
  await expect(page.getByRole("link", { name: "Admin" })).toHaveCount(0);
  const res = await page.goto("/admin");
  expect(res?.status()).toBe(403);
});
