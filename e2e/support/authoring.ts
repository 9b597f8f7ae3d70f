import AxeBuilder from "@axe-core/playwright";
import { expect, type APIRequestContext, type Browser, type Page } from "@playwright/test";
import { createApiKey, signIn } from "./auth";

/** axe-core on the page as it is now: no serious or critical violation. */
export async function expectAccessible(page: Page, label: string): Promise<void> {
  const { violations } = await new AxeBuilder({ page }).analyze();
  const bad = violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map(
      (v) =>
        `${v.id} (${v.impact}): ${v.help} — ${v.nodes
          .slice(0, 3)
          .map((n) => n.target.join(" "))
          .join(" | ")}`,
    );
  expect(bad, `accessibility of ${label}`).toEqual([]);
}

/** Full-page screenshot kept as a test artifact (test-results/screens/). */
export async function screenshot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: `test-results/screens/${name}.png`, fullPage: true });
}

/** A version saved through the API with the page's session, as another designer would. */
export async function saveVersionViaApi(request: APIRequestContext, data: Record<string, unknown>) {
  const res = await request.post("/api/prompts", { data });
  expect(res.status(), await res.text()).toBe(201);
  return (await res.json()) as { id: string; version: number; body: string };
}

/** A resolve-scoped API key, created by the admin in a context of its own. */
export async function resolveKey(browser: Browser): Promise<string> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, "admin", "/prompts");
  const key = await createApiKey(page.request, ["resolve"]);
  await context.close();
  return key;
}

/** The editor's Monaco instance (the first one on the page), loaded and ready for typing. */
export function bodyEditor(page: Page) {
  return page.locator(".editor-main .monaco-editor").first();
}

/**
 * Types into Monaco at the end of the body (or over it with `replace`). Line by line with Escape before
 * each Enter, so an open suggestion list never swallows the newline (one may stay open at the end).
 */
export async function typeInBody(page: Page, text: string, opts: { replace?: boolean } = {}): Promise<void> {
  const editor = bodyEditor(page);
  await expect(editor).toBeVisible();
  await editor.locator(".view-lines").click();
  await page.keyboard.press(opts.replace ? "ControlOrMeta+A" : "ControlOrMeta+End");
  if (opts.replace) await page.keyboard.press("Delete");
  for (const [i, line] of text.split("\n").entries()) {
    if (i > 0) {
      await page.keyboard.press("Escape");
      await page.keyboard.press("Enter");
    }
    await page.keyboard.type(line);
  }
}
