import { expect, test } from "@playwright/test";
import { signIn } from "./support/auth";
import { bodyEditor } from "./support/authoring";

test.use({ viewport: { width: 1440, height: 1000 } });

const isLocal = (url: string) =>
  /^(https?|wss?):\/\/(localhost|127\.0\.0\.1)(:\d+)?\//.test(url) || /^(data|blob):/.test(url);

test("Monaco, its web worker and the diff editor load with every non-localhost request blocked", async ({ page }) => {
  const leaks: string[] = [];
  await page.route("**/*", (route) => {
    const url = route.request().url();
    if (isLocal(url)) return route.continue();
    leaks.push(url);
    return route.abort("internetdisconnected");
  });
  page.on("request", (r) => {
    if (!isLocal(r.url())) leaks.push(r.url());
  });
  const workers: string[] = [];
  page.on("worker", (w) => workers.push(w.url()));

  await signIn(page, "designer", "/prompts/identity_warm_up");
  await expect(bodyEditor(page)).toBeVisible();
  await expect(bodyEditor(page).locator(".view-line").first()).toBeVisible();
  await bodyEditor(page).locator(".view-lines").click();
  await page.keyboard.press("ControlOrMeta+End");
  await page.keyboard.type(" {");
  await expect(bodyEditor(page).locator(".suggest-widget")).toContainText("asked_questions");
  await page.keyboard.type("user_n");
  await expect(bodyEditor(page).locator(".suggest-widget")).toContainText("user_name");

  await page.goto("/prompts/introduction/diff");
  await expect(
    page.locator(".monaco-diff-editor .line-insert, .monaco-diff-editor .char-insert").first(),
  ).toBeVisible();
  expect(workers.length, "Monaco's editor worker started").toBeGreaterThan(0);
  expect(workers.every(isLocal)).toBe(true);
  expect(leaks).toEqual([]);
});
