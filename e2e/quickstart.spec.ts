import { expect, test } from "@playwright/test";

test("the home page lists every phase with its serving version", async ({ page }) => {
  await page.goto("/");
  await expect(page.getByRole("heading", { name: "Prompt Manager" })).toBeVisible();
  const intro = page.getByRole("row", { name: /Introduction/ });
  await expect(intro).toContainText("v2");
  await expect(page.getByRole("row", { name: /No phase/ })).toContainText("v1");
  await page.screenshot({ path: "test-results/screens/home.png", fullPage: true });
});

test("resolve over HTTP: the quick-start curl and its error cases", async ({ request }) => {
  const ok = await request.post("/api/resolve", { data: { phase: "introduction", context: { user_name: "Ada" } } });
  expect(ok.status()).toBe(200);
  const body = await ok.json();
  expect(body.text).toContain("Greet Ada by name");
  expect(ok.headers()["x-request-id"]).toBeTruthy();

  const missing = await request.post("/api/resolve", { data: { phase: "introduction", context: {} } });
  expect(missing.status()).toBe(422);
  expect((await missing.json()).error).toMatchObject({ code: "missing_context", details: { missing: ["user_name"] } });

  const unknown = await request.get("/api/nope");
  expect(unknown.status()).toBe(404);
  expect((await unknown.json()).error.code).toBe("not_found");
});
