import { expect, test } from "@playwright/test";
import { createApiKey, signIn } from "./support/auth";

test("signed-out visitors are sent to sign in, then to the page they wanted", async ({ page }) => {
  await page.goto("/");
  await expect(page).toHaveURL(/\/login\?callbackUrl=%2F/);
  await page.screenshot({ path: "test-results/screens/login.png", fullPage: true });
  await page.getByLabel("Email").fill("designer@e2e.test");
  await page.getByLabel("Password").fill("wrong password entirely");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "Email or password is not right" })).toBeVisible();
});

test("static files come from public/ without signing in, and the icon from app/icon.svg", async ({ page, request }) => {
  const robots = await request.get("/robots.txt");
  expect(robots.status()).toBe(200);
  expect(robots.headers()["content-type"]).toContain("text/plain");
  expect(await robots.text()).toContain("Disallow: /");
  await page.goto("/login");
  const icon = await page.locator('link[rel="icon"]').getAttribute("href");
  expect(icon).toMatch(/^\/icon\.svg/);
  expect((await request.get(icon!)).headers()["content-type"]).toContain("image/svg+xml");
});

test("the home page lists every phase with its serving version", async ({ page }) => {
  await signIn(page, "viewer");
  await expect(page).toHaveURL(/\/prompts$/);
  await expect(page.getByRole("heading", { name: "Prompts", level: 1 })).toBeVisible();
  const phases = page.getByRole("table", { name: /Coaching phases/ });
  await expect(phases.getByRole("row", { name: /Introduction/ })).toContainText("v2");
  await expect(phases.getByRole("row", { name: /No phase/ })).toContainText("v1");
  await expect(page.getByText("viewer@e2e.test")).toBeVisible();
  await page.screenshot({ path: "test-results/screens/home.png", fullPage: true });
});

test("resolve over HTTP with an API key: the quick-start call and its error cases", async ({ page, request }) => {
  await signIn(page, "admin");
  const key = await createApiKey(page.request, ["resolve"]);
  const auth = { authorization: `Bearer ${key}` };

  const ok = await request.post("/api/resolve", {
    headers: auth,
    data: { phase: "introduction", context: { user_name: "Ada" } },
  });
  expect(ok.status()).toBe(200);
  expect((await ok.json()).text).toContain("Greet Ada by name");
  expect(ok.headers()["x-request-id"]).toBeTruthy();

  const missing = await request.post("/api/resolve", { headers: auth, data: { phase: "introduction", context: {} } });
  expect(missing.status()).toBe(422);
  expect((await missing.json()).error).toMatchObject({ code: "missing_context", details: { missing: ["user_name"] } });

  const anonymous = await request.post("/api/resolve", {
    data: { phase: "introduction", context: { user_name: "Ada" } },
  });
  expect(anonymous.status()).toBe(401);
  expect((await anonymous.json()).error.code).toBe("unauthenticated");

  const unknown = await request.get("/api/nope");
  expect(unknown.status()).toBe(404);
  expect((await unknown.json()).error.code).toBe("not_found");
});
