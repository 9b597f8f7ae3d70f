// What "ready" means for each page the UI bench measures, as code run in the page: each probe resolves
// with performance.now() (ms since the navigation started) at the first animation frame where its
// condition holds.
import type { Page } from "@playwright/test";

export interface UiTarget {
  label: string;
  path: string;
  /** A condition evaluated in the page on every animation frame (a function body returning a boolean). */
  ready: string;
  /** Budgets in ms (warm, cold), when the issue sets one. */
  budget: { warm?: number; cold?: number };
}

const visible = (selector: string) =>
  `(() => { const el = document.querySelector(${JSON.stringify(selector)}); if (!el) return false;` +
  ` if (el.closest(".editor-pending")) return false; const r = el.getBoundingClientRect();` +
  ` return r.width > 0 && r.height > 0; })()`;

export const UI_TARGETS: UiTarget[] = [
  {
    label: "/prompts list",
    path: "/prompts",
    ready: `${visible("table tbody tr")} && !!document.querySelector("h1")`,
    budget: { warm: 300 },
  },
  {
    label: "editor interactive",
    path: "/prompts/introduction",
    ready: `${visible(".editor-main .monaco-editor .view-lines")} && !!document.querySelector(".editor-main .monaco-editor .view-line")`,
    budget: { warm: 1000, cold: 2500 },
  },
  {
    label: "diff view ready",
    path: "/prompts/introduction/diff",
    ready: `${visible(".monaco-diff-editor .editor.modified .view-lines")} && !!document.querySelector(".monaco-diff-editor .editor.modified .view-line")`,
    budget: { warm: 1000 },
  },
  {
    label: "version body text visible",
    path: "/prompts/introduction/v/1",
    ready:
      `(${visible('[data-testid="body-fallback"] pre')} && document.querySelector('[data-testid="body-fallback"] pre').textContent.length > 0)` +
      ` || (${visible(".version-details .monaco-editor .view-lines")} && !!document.querySelector(".version-details .view-line"))`,
    budget: {},
  },
  {
    label: "version body in Monaco",
    path: "/prompts/introduction/v/1",
    ready: `${visible(".version-details .monaco-editor .view-lines")} && !!document.querySelector(".version-details .view-line")`,
    budget: {},
  },
];

export interface Timing {
  ready: number;
  /** The HTML's first byte and its last (the server streams a page as it renders it). */
  ttfb: number;
  htmlEnd: number;
}

/** Loads `path` in `page`: ms from navigation start until `ready` held, with the HTML's timing. */
export async function measure(page: Page, baseUrl: string, target: UiTarget): Promise<Timing> {
  await page.goto(`${baseUrl}${target.path}`, { waitUntil: "commit" });
  // A string expression, evaluated by the browser's debugger protocol: the app's CSP (no eval) does
  // not apply to it, as it would to a Function built in the page.
  const ready = (await page.evaluate(`new Promise((resolve, reject) => {
    const deadline = performance.now() + 60000;
    const tick = () => {
      let ok = false;
      try { ok = (${target.ready}); } catch { ok = false; }
      if (ok) resolve(performance.now());
      else if (performance.now() > deadline) reject(new Error("not ready within 60 s"));
      else requestAnimationFrame(tick);
    };
    tick();
  })`)) as number;
  const [ttfb, htmlEnd] = await page.evaluate(() => {
    const nav = performance.getEntriesByType("navigation")[0] as PerformanceNavigationTiming | undefined;
    return nav ? [nav.responseStart, nav.responseEnd] : [NaN, NaN];
  });
  return { ready, ttfb: ttfb!, htmlEnd: htmlEnd! };
}

/**
 * Lets the page finish what it does after "ready" (the idle Monaco preload, late requests) before the
 * next navigation, as a person reading the page would: otherwise a warm load would also time the
 * previous page's leftover work, which is not what a revisit costs.
 */
export async function settle(page: Page): Promise<void> {
  await page.waitForLoadState("networkidle");
  await page.evaluate(`new Promise((resolve) => requestIdleCallback(() => resolve(null), { timeout: 5000 }))`);
}

/** After the editor measured ready: it accepts a keystroke (the figure is only kept when it does). */
export async function editorAcceptsInput(page: Page): Promise<boolean> {
  const editor = page.locator(".editor-main .monaco-editor").first();
  await editor.locator(".view-lines").click();
  await page.keyboard.press("ControlOrMeta+End");
  await page.keyboard.type(" zq");
  return editor
    .locator(".view-lines")
    .filter({ hasText: "zq" })
    .count()
    .then((n) => n > 0);
}
