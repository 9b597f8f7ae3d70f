import { expect, test } from "@playwright/test";
import { signIn } from "./support/auth";

// Signing out ends the person's sessions everywhere: a copied cookie stops working at once, on the
// real server (next-auth's sign-out event moves the account's session version on).
test("after sign-out, a copy of the session cookie no longer works", async ({ page, browser }) => {
  await signIn(page, "admin");
  const email = `sign-out-${Date.now()}@e2e.test`;
  const password = "sign-out e2e password";
  expect((await page.request.post("/api/users", { data: { email, password, role: "viewer" } })).status()).toBe(201);

  const context = await browser.newContext();
  const viewer = await context.newPage();
  await viewer.goto("/login");
  await viewer.getByLabel("Email").fill(email);
  await viewer.getByLabel("Password").fill(password);
  await viewer.getByRole("button", { name: "Sign in" }).click();
  await expect(viewer).not.toHaveURL(/\/login/);
  const cookie = (await context.cookies()).find((c) => c.name.endsWith("next-auth.session-token"))!;
  const withCopy = () =>
    viewer.request.fetch("/api/prompts", { headers: { cookie: `${cookie.name}=${cookie.value}` } });
  expect((await withCopy()).status()).toBe(200);

  await viewer.getByRole("button", { name: "Sign out" }).click();
  await expect(viewer).toHaveURL(/\/login/);
  expect((await withCopy()).status()).toBe(401);
  await viewer.goto("/");
  await expect(viewer).toHaveURL(/\/login/);
  await context.close();
});
