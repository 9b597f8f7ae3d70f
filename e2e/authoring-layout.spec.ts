import { expect, test } from "@playwright/test";
import { signIn } from "./support/auth";
import { bodyEditor, expectAccessible, saveVersionViaApi, typeInBody } from "./support/authoring";

// Owns the identity_warm_up phase.
const PHASE = "identity_warm_up";
test.use({ viewport: { width: 1400, height: 900 } });

test("at 1400×900 the editor's problems and Save are in sight without scrolling", async ({ page }) => {
  await signIn(page, "designer", "/prompts/introduction");
  await expect(bodyEditor(page)).toBeVisible();
  await typeInBody(page, "\n{not_a_key}");
  await expect(page.getByRole("region", { name: "Template problems" })).toBeInViewport();
  await expect(page.getByRole("region", { name: "Template problems" })).toContainText("not a catalog context key");
  await expect(page.getByRole("button", { name: "Save as new version" })).toBeInViewport();
  await expect(page.getByRole("button", { name: "Discard changes" })).toBeInViewport();
  await expectAccessible(page, "editor with docked problems and save bar");
});

test("the body diff is as tall as its wrapped content, so it does not scroll inside a small box", async ({ page }) => {
  await signIn(page, "designer", `/prompts/${PHASE}`);
  const long = (word: string) =>
    Array.from({ length: 6 }, (_, i) => `${i + 1}. ${`${word} {user_name} `.repeat(18)}`).join("\n");
  const base = { coachingPhase: PHASE, requiredContextKeys: ["user_name"] };
  const a = await saveVersionViaApi(page.request, { ...base, name: "Long A", body: long("warm") });
  const b = await saveVersionViaApi(page.request, { ...base, name: "Long B", body: long("warmer") });
  await page.goto(`/prompts/${PHASE}/diff?from=${a.version}&to=${b.version}`);
  const modified = page.locator(".monaco-diff-editor .editor.modified");
  await expect(modified.locator(".view-line").first()).toBeVisible();
  const box = (await page.locator(".monaco-diff-editor").boundingBox())!;
  expect(box.height).toBeGreaterThan(300); // six lines that wrap to far more than the old ~250 px box
  // Wheel over the diff: the page scrolls, the editor's own content does not (it has nothing hidden).
  await modified.hover();
  await page.mouse.wheel(0, 400);
  await page.waitForTimeout(300);
  const top = await modified.locator(".lines-content").evaluate((el) => parseFloat(getComputedStyle(el).top || "0"));
  expect(top).toBe(0);
});

test("Keep editing in the save-conflict dialog closes it without an error and the draft stays", async ({ page }) => {
  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(e.message));
  page.on("console", (m) => m.type() === "error" && errors.push(m.text()));
  await signIn(page, "designer", `/prompts/${PHASE}`);
  await typeInBody(page, "My draft {user_name}.", { replace: true });
  await page.getByLabel("Change note").fill("My draft"); // saving from the editor needs one (releases)
  const theirs = await saveVersionViaApi(page.request, {
    coachingPhase: PHASE,
    name: "Theirs",
    body: "Their text {user_name}.",
    requiredContextKeys: ["user_name"],
  });
  await page.keyboard.press("ControlOrMeta+s");
  const conflict = page.getByRole("dialog", { name: `Version ${theirs.version} was saved while you were editing` });
  await expect(conflict.locator(".monaco-diff-editor .view-line").first()).toBeVisible();
  await conflict.getByRole("button", { name: "Keep editing" }).click();
  await expect(conflict).toBeHidden();
  await page.waitForTimeout(500);
  expect(errors.filter((e) => /disposed|DiffEditorWidget/.test(e))).toEqual([]);
  await expect(bodyEditor(page)).toContainText("My draft {user_name}.");
  // The dialog opens again, diff and all, on the next save.
  await page.keyboard.press("ControlOrMeta+s");
  await expect(conflict.locator(".monaco-diff-editor .view-line").first()).toBeVisible();
  await page.keyboard.press("Escape");
  await expect(conflict).toBeHidden();
  expect(errors.filter((e) => /disposed|DiffEditorWidget/.test(e))).toEqual([]);
});

test.describe("at 800 px", () => {
  test.use({ viewport: { width: 800, height: 900 } });
  test("the /prompts search box keeps a usable width", async ({ page }) => {
    await signIn(page, "viewer", "/prompts");
    const search = page.getByRole("searchbox", { name: /Search name, description and body/ });
    await expect(search).toBeVisible();
    expect((await search.boundingBox())!.width).toBeGreaterThanOrEqual(240);
    await expectAccessible(page, "/prompts at 800 px");
  });
});

test("the 403 page keeps the app header", async ({ page }) => {
  await signIn(page, "designer");
  const res = await page.goto("/admin");
  expect(res?.status()).toBe(403);
  await expect(page.getByRole("heading", { name: "Not for your role" })).toBeVisible();
  await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Prompts" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Sign out" })).toBeVisible();
  await expectAccessible(page, "403 page");
});

test("the DELETE badge in /api/docs is visible (coloured, white text)", async ({ page }) => {
  await page.goto("/api/docs");
  const badge = page.locator(".m.delete").first();
  await expect(badge).toBeVisible();
  const bg = await badge.evaluate((el) => getComputedStyle(el).backgroundColor);
  expect(bg).not.toBe("rgba(0, 0, 0, 0)");
  expect(bg).not.toBe("rgb(255, 255, 255)");
  await expectAccessible(page, "/api/docs");
});
