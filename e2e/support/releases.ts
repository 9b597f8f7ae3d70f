import { expect, type Browser } from "@playwright/test";
import { signIn } from "./auth";

/**
 * Sets the release policy as the e2e admin (in a context of its own). Specs of the direct paths
 * (activate, plain rollback) run with 0 and put the default (1) back when they end, so the specs
 * that follow see the product's default.
 */
export async function setRequiredApprovals(browser: Browser, requiredApprovals: 0 | 1): Promise<void> {
  const context = await browser.newContext();
  const page = await context.newPage();
  try {
    await signIn(page, "admin");
    const res = await page.request.put("/api/settings/release-policy", { data: { requiredApprovals } });
    expect(res.status(), await res.text()).toBe(200);
  } finally {
    await context.close();
  }
}
