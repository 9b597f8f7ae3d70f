import { expect, test, type Page } from "@playwright/test";
import { signIn } from "./support/auth";
import { bodyEditor, typeInBody } from "./support/authoring";

// Pages run only scripts carrying the request's nonce ('strict-dynamic' for what they load). Monaco
// must still work under it: its worker, its injected styles, completion and the diff worker.
test.use({ viewport: { width: 1440, height: 1000 } });

/** Every CSP violation the page (or its workers) reports, from the DOM event and the console. */
function recordViolations(page: Page): string[] {
  const seen: string[] = [];
  page.on("console", (m) => {
    if (/Content Security Policy|Refused to/i.test(m.text())) seen.push(m.text());
  });
  void page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (e) => {
      console.error(
        `Refused to … CSP violation: ${e.violatedDirective} ${e.blockedURI} at ${e.sourceFile}:${e.lineNumber}:${e.columnNumber} ${e.sample}`,
      );
    });
  });
  return seen;
}

test("pages carry a nonce-based CSP and the editor works without a single violation", async ({ page }) => {
  const violations = recordViolations(page);
  const workers: string[] = [];
  page.on("worker", (w) => workers.push(w.url()));

  const login = await page.goto("/login");
  const csp = login!.headers()["content-security-policy"] ?? "";
  expect(csp).toMatch(/script-src 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'/);
  expect(csp).toContain("worker-src 'self' blob:");
  expect(csp).toContain("frame-ancestors 'none'");
  expect(csp).not.toContain("unsafe-eval");
  const again = (await page.request.get("/login")).headers()["content-security-policy"];
  expect(again).not.toBe(csp); // a fresh nonce per request

  await signIn(page, "designer", "/prompts/introduction");
  await expect(bodyEditor(page)).toBeVisible();
  await typeInBody(page, "\n{");
  const suggest = bodyEditor(page).locator(".suggest-widget");
  await expect(suggest).toBeVisible();
  await expect(suggest).toContainText("current_identity");
  await page.keyboard.press("Escape");

  await page.goto("/prompts/introduction/diff?from=1&to=2");
  const diff = page.locator(".monaco-diff-editor");
  await expect(diff).toBeVisible();
  await expect(diff.locator(".line-insert, .char-insert, .line-delete, .char-delete").first()).toBeVisible();

  expect(workers.length).toBeGreaterThan(0); // Monaco's worker started under worker-src
  expect(violations).toEqual([]);
});
