import { expect, test, type Page } from "@playwright/test";
import { signIn } from "./support/auth";
import { bodyEditor, expectAccessible } from "./support/authoring";

test.use({ viewport: { width: 1400, height: 900 } });

/** The focused control has a visible focus ring (an outline of at least 2 px). */
async function expectFocusRing(page: Page) {
  const ring = await page.evaluate(() => {
    const focused = document.activeElement as HTMLElement | null;
    if (!focused || focused === document.body) return null;
    // Monaco's input is a hidden textarea: its ring is on the editor's frame.
    const el = focused.closest<HTMLElement>(".editor-frame") ?? focused;
    const s = getComputedStyle(el);
    return { tag: el.tagName, style: s.outlineStyle, width: parseFloat(s.outlineWidth) };
  });
  expect(ring, "focus must not drop to <body>").not.toBeNull();
  expect(ring!.style).not.toBe("none");
  expect(ring!.width).toBeGreaterThanOrEqual(2);
}

for (const field of ["Required context keys", "Allowed actions"]) {
  test(`Tab from the open "${field}" list moves to the next control with a focus ring`, async ({ page }) => {
    await signIn(page, "designer", "/prompts/introduction");
    // Monaco loads lazily: until it is there, Tab skips the body and lands in the change note.
    await expect(bodyEditor(page)).toBeVisible();
    const combo = page.getByRole("combobox", { name: field });
    await combo.click();
    await expect(page.getByRole("listbox", { name: field })).toBeVisible();
    await page.keyboard.press("ArrowDown");
    await page.keyboard.press("Tab");
    await expect(page.getByRole("listbox", { name: field })).toBeHidden();
    await expect(combo).not.toBeFocused();
    await expectFocusRing(page);
    // Shift+Tab comes back to the search box (unless focus went into Monaco, where Tab indents).
    if (!(await page.evaluate(() => Boolean(document.activeElement?.closest(".editor-frame"))))) {
      await page.keyboard.press("Shift+Tab");
      await expect(combo).toBeFocused();
    }
    await expectAccessible(page, `editor after tabbing from ${field}`);
  });
}
