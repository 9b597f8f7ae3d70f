import { expect, test } from "@playwright/test";
import { emailFor, E2E_PASSWORD, signIn } from "./support/auth";
import { countMonacoChunks, holdMonaco, monacoResponse } from "./support/monaco";

test.use({ viewport: { width: 1400, height: 900 } });

test("a version's body is readable as plain text while Monaco is still loading", async ({ page }) => {
  const monaco = await holdMonaco(page);
  await signIn(page, "viewer", "/prompts/introduction/v/1");
  const body = page.getByLabel("Body of version 1 (read-only): loading the editor");
  await expect(body).toBeVisible();
  await monaco.held; // Monaco's bundle is requested and held back: the editor cannot be up yet
  const text = (await body.textContent()) ?? "";
  expect(text.length).toBeGreaterThan(40);
  await expect(page.locator(".monaco-editor")).toHaveCount(0);
  // The fallback uses Monaco's font and size, so the switch does not jump.
  expect(await body.evaluate((el) => getComputedStyle(el).fontSize)).toBe("14px");

  monaco.release();
  await expect(page.getByRole("textbox", { name: "Body of version 1 (read-only)" })).toBeAttached();
  await expect(page.locator(".version-details .monaco-editor")).toBeVisible();
  await expect(body).toHaveCount(0);
  await expect(page.locator(".version-details .view-lines")).toContainText(text.split("\n")[0]!.trim().slice(0, 20));
});

test("/prompts loads Monaco while idle, and the editor reuses it without fetching it again", async ({ page }) => {
  const count = countMonacoChunks(page);
  const loaded = monacoResponse(page);
  await signIn(page, "designer", "/prompts");
  await expect(page.getByRole("heading", { level: 1, name: "Prompts" })).toBeVisible();
  await loaded; // no link hovered, no editor opened: the idle preload fetched it
  const afterPreload = count();
  await page.locator(`a[href="/prompts/introduction"]`).first().click();
  await expect(page.locator(".editor-main .monaco-editor")).toBeVisible();
  expect(count()).toBe(afterPreload);
});

test("hovering a link to a version starts loading Monaco (pages without an editor)", async ({ page }) => {
  await signIn(page, "admin", "/admin/audit");
  await expect(page.getByRole("heading", { level: 1, name: "Audit log" })).toBeVisible();
  const created = await page.request.post("/api/prompts", {
    data: {
      coachingPhase: "identity_warm_up",
      body: "Hover {user_name}.",
      requiredContextKeys: ["user_name"],
      isActive: false,
    },
  });
  expect(created.status()).toBe(201);
  const { version } = (await created.json()) as { version: number };
  const count = countMonacoChunks(page);
  await page.reload();
  await page.waitForLoadState("networkidle");
  expect(count(), "the audit page does not load Monaco by itself").toBe(0);
  const loaded = monacoResponse(page);
  await page
    .getByRole("link", { name: `identity_warm_up/v/${version}` })
    .first()
    .hover();
  await loaded;
});

test("signing in shows the app's header at once, while the server still renders the prompts", async ({ page }) => {
  let release = () => {};
  const gate = new Promise<void>((r) => (release = r));
  // Hold back the navigation's render of /prompts (not a prefetch).
  await page.route(
    (url) => url.pathname === "/prompts",
    async (route) => {
      const h = route.request().headers();
      const prefetch = h["next-router-prefetch"] || h["next-router-segment-prefetch"];
      if (h["rsc"] === "1" && !prefetch) await gate;
      await route.continue();
    },
  );
  await page.goto("/login");
  await page.getByLabel("Email").fill(emailFor("viewer"));
  await page.getByLabel("Password").fill(E2E_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  const nav = page.getByRole("navigation", { name: "Main" });
  await expect(nav.getByRole("link", { name: "Releases" })).toBeVisible();
  await expect(page.getByRole("status")).toHaveText("Signed in. Loading…");
  release();
  await expect(page).toHaveURL(/\/prompts$/); // "/" only redirects there: the sign-in goes straight to it
  await expect(page.getByRole("heading", { level: 1, name: "Prompts" })).toBeVisible();
});
