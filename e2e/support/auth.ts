import { expect, type APIRequestContext, type Browser, type Page } from "@playwright/test";

// Test-only accounts created by e2e/server.sh before the app starts (never in the product).
export const E2E_PASSWORD = process.env.E2E_PASSWORD ?? "e2e-password-not-a-secret";
export type E2ERole = "admin" | "designer" | "viewer";
export const emailFor = (role: E2ERole) => `${role}@e2e.test`;

export async function signIn(page: Page, role: E2ERole, returnTo = "/"): Promise<void> {
  await page.goto(`/login?callbackUrl=${encodeURIComponent(returnTo)}`);
  await page.getByLabel("Email").fill(emailFor(role));
  await page.getByLabel("Password").fill(E2E_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).not.toHaveURL(/\/login/);
}

/** An API key created through the admin API with the admin's session (as a person would in the UI). */
export async function createApiKey(request: APIRequestContext, scopes: string[]): Promise<string> {
  const res = await request.post("/api/api-keys", { data: { name: `e2e ${scopes.join("+")} ${Date.now()}`, scopes } });
  expect(res.status()).toBe(201);
  return (await res.json()).key as string;
}

/** A fresh API key made by the e2e admin in a throwaway browser context (for beforeAll hooks). */
export async function adminApiKey(browser: Browser, scopes: string[]): Promise<string> {
  const context = await browser.newContext();
  const page = await context.newPage();
  try {
    await signIn(page, "admin");
    return await createApiKey(page.request, scopes);
  } finally {
    await context.close();
  }
}
