import { expect, test } from "@playwright/test";
import { signIn } from "./support/auth";
import { expectAccessible, resolveKey, screenshot } from "./support/authoring";
import {
  RELEASE_CONTEXT,
  openReleaseViaApi,
  personAt,
  RELEASE_PHASE,
  resolve,
  setRequiredApprovals,
} from "./support/releases";

// What guards production besides approval: emergency rollback, the no-approval policy, stale
// releases, and sample checks.
test.use({ viewport: { width: 1440, height: 1000 } });

test("an admin's emergency rollback serves at once and shows in the release history as one", async ({
  page,
  browser,
  request,
}) => {
  const key = await resolveKey(browser);
  const before = (await resolve(request, key, "production")).version;
  const designer = await personAt(browser, "designer", "/releases");
  const { id, version } = await openReleaseViaApi(
    designer,
    "## Phase: identity refinement\nTell {user_name} that {current_identity} is wrong. Left: {refinement_identities}",
    "Blunter refinement",
  );
  await signIn(page, "admin", `/releases/${id}`);
  await page.getByRole("button", { name: "Approve" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Approved." })).toBeVisible();
  const released = await designer.request.post(`/api/releases/${id}/release`);
  expect(released.status(), await released.text()).toBe(200);
  await designer.context().close();
  expect((await resolve(request, key, "production")).version).toBe(version);

  // It goes wrong in production: the admin rolls back at once, without a release.
  await page.goto(`/prompts/${RELEASE_PHASE}/v/${before}`);
  await page.getByRole("button", { name: "Emergency rollback to this version" }).click();
  const dialog = page.getByRole("dialog", { name: `Emergency rollback to version ${before}?` });
  await dialog.getByLabel("Why it cannot wait for a release").fill("Coaches answer in the wrong tone");
  await dialog.getByRole("button", { name: `Roll back to v${before} now` }).click();
  await expect(page.getByRole("region", { name: `History of v${before}` })).toContainText(
    `admin@e2e.test emergency rollback to v${before} (took v${version} out of production)`,
  );
  expect((await resolve(request, key, "production")).version).toBe(before);

  await page.goto(`/prompts/${RELEASE_PHASE}`);
  const entry = page
    .getByRole("region", { name: "Release history" })
    .getByRole("listitem")
    .filter({ hasText: `emergency rollback to v${before}` })
    .first();
  await expect(entry).toContainText("admin@e2e.test");
  await expect(entry).toContainText("Coaches answer in the wrong tone");
});

test("with no approvals required, the requester releases right after opening", async ({ page, browser, request }) => {
  await setRequiredApprovals(browser, 0);
  try {
    const key = await resolveKey(browser);
    await signIn(page, "designer", "/releases");
    const { id, version } = await openReleaseViaApi(
      page,
      "## Phase: identity refinement\nRefine {current_identity} with {user_name}. Left: {refinement_identities}",
      "Refinement without review",
    );
    const other = await openReleaseViaApi(
      page,
      "## Phase: identity refinement\nRefine {current_identity}, {user_name}. Still: {refinement_identities}",
      "A competing refinement",
    );
    await page.goto(`/releases/${id}`);
    await page.getByRole("button", { name: `Release v${version} to production` }).click();
    await expect(
      page.getByRole("status").filter({ hasText: `Released: v${version} is the production version now.` }),
    ).toBeVisible();
    expect((await resolve(request, key, "production")).version).toBe(version);

    // The other request was opened against the old production: the page says so, and the server refuses.
    await page.goto(`/releases/${other.id}`);
    await expect(page.getByRole("note")).toContainText("Production changed since this release was opened");
    await page.getByRole("button", { name: `Release v${other.version} to production` }).click();
    await expect(
      page.getByRole("alert").filter({ hasText: "Production changed since this release was opened" }),
    ).toBeVisible();
    expect((await resolve(request, key, "production")).version).toBe(version);
  } finally {
    await setRequiredApprovals(browser, 1);
  }
});

test("a failing sample check blocks approval; a fixed version passes and shows its output per sample", async ({
  page,
  browser,
}) => {
  const sample = `Release sample ${Date.now()}`;
  const designer = await personAt(browser, "designer", `/prompts/${RELEASE_PHASE}/preview`);
  for (const [key, value] of Object.entries({ ...RELEASE_CONTEXT, user_name: "Grace" }))
    await designer.getByLabel(new RegExp(`^${key}`)).fill(value);
  await designer.getByLabel("Save these values as").fill(sample);
  await designer.getByRole("button", { name: "Save sample" }).click();
  await expect(designer.getByRole("status").filter({ hasText: `Saved sample “${sample}”` })).toBeVisible();

  // The draft needs a key the sample does not have: its check fails and approval is refused.
  const broken = await openReleaseViaApi(
    designer,
    "## Phase: identity refinement\nRefine {current_identity} for {user_name} in {identity_focus}. Left: {refinement_identities}",
    "Refine within the focus",
    ["identity_focus"],
  );
  await signIn(page, "admin", `/releases/${broken.id}`);
  const checks = page.getByRole("region", { name: "Checks with the sample contexts" });
  await expect(checks).toContainText(/\d+ of \d+ sample checks fail/);
  const failing = checks.getByRole("listitem").filter({ hasText: sample });
  await expect(failing.getByRole("heading")).toContainText("fails");
  await expect(failing).toContainText("identity_focus");
  await expect(page.getByLabel("Override failing checks")).toBeVisible();
  await page.getByRole("button", { name: "Approve" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "sample checks fail" })).toBeVisible();
  await expectAccessible(page, "release with failing checks");
  await screenshot(page, "release-checks-failing");
  // An admin may override, saying why.
  await page.getByLabel("Override failing checks").check();
  await page.getByRole("button", { name: "Approve" }).click();
  await expect(page.getByText("Say why you override the failing checks.")).toBeVisible();
  await page.getByLabel("Your comment").fill("The focus key ships with the backend today");
  await page.getByRole("button", { name: "Approve" }).click();
  await expect(page.getByRole("list", { name: "Reviews and comments" })).toContainText(
    "admin@e2e.test approved overriding failing checks",
  );

  // The requester withdraws it all the same and asks for a fixed version, which passes and can be approved.
  await designer.goto(`/releases/${broken.id}`);
  await designer.getByRole("button", { name: "Withdraw request" }).click();
  await expect(designer.getByRole("region", { name: "Request" })).toContainText("Withdrawn");
  const fixed = await openReleaseViaApi(
    designer,
    "## Phase: identity refinement\nRefine {current_identity} for {user_name}, one word at a time. Left: {refinement_identities}",
    "Refine one word at a time",
  );
  await designer.context().close();
  await page.goto(`/releases/${fixed.id}`);
  await expect(checks).toContainText(/All \d+ sample checks pass/);
  const passing = checks.getByRole("listitem").filter({ hasText: sample });
  await expect(passing.getByRole("heading")).toContainText("passes");
  await passing.getByText(`Assembled output for “${sample}”`).click();
  const diff = passing.locator(".monaco-diff-editor");
  await expect(diff).toContainText("one word at a time");
  await expect(diff).toContainText("Grace");
  // Tokens of the sample's assembled text, production against the target, and the change.
  const tokens = passing.getByRole("region", { name: "Tokens" });
  const number = /^[\d,]+$/;
  for (const row of [/^production v\d+$/, new RegExp(`^v${fixed.version}$`)]) {
    const cells = tokens
      .getByRole("row")
      .filter({ has: page.getByRole("rowheader", { name: row }) })
      .getByRole("cell");
    await expect(cells.nth(0)).toHaveText(number);
    await expect(cells.nth(1)).toHaveText(number);
  }
  await expect(tokens.getByTestId("tokens-change-openai")).toHaveText(/^(\+|−)[\d,]+$|^±0$/);
  await page.getByRole("button", { name: "Approve" }).click();
  await expect(page.getByRole("region", { name: "Request" })).toContainText("Approved");
});
