import { expect, test } from "@playwright/test";
import { signIn } from "./support/auth";
import { expectAccessible, saveVersionViaApi, screenshot } from "./support/authoring";

// Owns the identity_brainstorming phase (adds versions for paging); other specs use other phases.
test.use({ viewport: { width: 1440, height: 900 } });

test("sign-in and the prompts overview: phases with who changed them last, accessible", async ({ page }) => {
  await page.goto("/login");
  await expectAccessible(page, "login");
  await signIn(page, "designer");
  await expect(page).toHaveURL(/\/prompts$/); // "/" leads to the overview
  const phases = page.getByRole("table", { name: /Coaching phases/ });
  await expect(phases.getByRole("row")).toHaveCount(10); // header + 8 phases + no-phase
  await expect(phases.getByRole("row", { name: /Introduction/ })).toContainText(
    /v2.*2.*UTC · demo seed saved a version/s,
  );
  await expectAccessible(page, "/prompts");
  await screenshot(page, "prompts-overview");
});

test("the versions table filters, searches, sorts and pages through URL state", async ({ page }) => {
  await signIn(page, "designer", "/prompts");
  const existing = (await (await page.request.get("/api/prompts?phase=identity_brainstorming&limit=200")).json()).items
    .length as number;
  for (let i = 0; i < 27; i++) {
    await saveVersionViaApi(page.request, {
      coachingPhase: "identity_brainstorming",
      name: `Paging ${i}`,
      body: `Paging body ${i} for {user_name}`,
      requiredContextKeys: ["user_name"],
      isActive: false,
    });
  }
  const total = existing + 27;
  await page.goto("/prompts");
  const table = page.getByRole("region", { name: "Versions table" });

  // Search is debounced and lands in the URL; it finds text inside bodies, case-insensitively.
  // "/" works once the page has hydrated; until then the key press has no listener, so retry it.
  const search = page.getByRole("searchbox", { name: /Search name, description and body/ });
  await expect(async () => {
    await page.keyboard.press("/");
    await expect(search).toBeFocused({ timeout: 500 });
  }).toPass({ timeout: 10_000 });
  await search.fill("");
  await page.keyboard.type("CONSENT CHECK");
  await expect(page).toHaveURL(/q=CONSENT\+CHECK/);
  await expect(table.getByRole("row")).toHaveCount(2);
  await expect(table).toContainText("Warmer welcome");

  await page.goto("/prompts");
  await page.getByLabel("Phase", { exact: true }).selectOption("identity_brainstorming");
  await page.getByLabel("Status", { exact: true }).selectOption("false");
  await expect(page).toHaveURL(/phase=identity_brainstorming/);
  await expect(page).toHaveURL(/active=false/);
  await expect(page.getByText(`${total - 1} versions · page 1 of 2`)).toBeVisible();

  // Sort by version ascending, then page forward; a reload keeps the whole state.
  await table.getByRole("button", { name: /Version/ }).click();
  await expect(page).toHaveURL(/sort=version&dir=desc|sort=version&dir=asc/);
  if (!/dir=asc/.test(page.url())) await table.getByRole("button", { name: /Version/ }).click();
  await expect(table.getByRole("columnheader", { name: /Version/ })).toHaveAttribute("aria-sort", "ascending");
  await expect(table.getByRole("row").nth(1)).toContainText(`v${existing + 1}`);
  await page.getByRole("button", { name: "Next ›" }).click();
  await expect(page).toHaveURL(/page=2/);
  await page.reload();
  await expect(page.getByText(`page 2 of 2`)).toBeVisible();
  await expect(table.getByRole("row").nth(1)).toContainText(`v${existing + 1 + 25}`);
  await page.getByLabel("Rows per page").selectOption("50");
  await expect(page.getByText(`${total - 1} versions · page 1 of 1`)).toBeVisible();
  await screenshot(page, "prompts-table-filtered");
});
