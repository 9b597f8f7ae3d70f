import { expect, test } from "@playwright/test";
import { emailFor, E2E_PASSWORD } from "./support/auth";

test("sign-in never redirects off-site, whatever callbackUrl says", async ({ page, baseURL }) => {
  for (const callbackUrl of ["/%5Cevil.example", "/%09/evil.example"]) {
    await page.context().clearCookies();
    await page.goto(`/login?callbackUrl=${callbackUrl}`);
    await page.getByLabel("Email").fill(emailFor("viewer"));
    await page.getByLabel("Password").fill(E2E_PASSWORD);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page).not.toHaveURL(/\/login/);
    expect(new URL(page.url()).origin).toBe(new URL(baseURL!).origin);
  }
});
