import { expect, test, type APIRequestContext, type Browser, type Page } from "@playwright/test";
import { signIn, type E2ERole } from "./support/auth";
import { expectAccessible, resolveKey, saveVersionViaApi, screenshot, typeInBody } from "./support/authoring";
import { setRequiredApprovals } from "./support/releases";

// Owns the identity_refinement phase's versions and production (the confirm spec only types in it).
test.use({ viewport: { width: 1440, height: 1000 } });
const PHASE = "identity_refinement";
const CONTEXT = { user_name: "Ada", current_identity: "Runner", refinement_identities: "Runner" };

async function resolve(request: APIRequestContext, key: string, channel: "staging" | "production") {
  const res = await request.post("/api/resolve", {
    headers: { authorization: `Bearer ${key}` },
    data: { phase: PHASE, context: CONTEXT, channel },
  });
  expect(res.status(), await res.text()).toBe(200);
  const body = (await res.json()) as { prompt: { version: number }; text: string };
  return { version: body.prompt.version, text: body.text, channel: res.headers()["x-prompt-channel"] };
}

/** A page signed in as `role` in a browser context of its own (a second person at another desk). */
async function personAt(browser: Browser, role: E2ERole, path: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await signIn(page, role, path);
  return page;
}

/** A draft saved and a release opened for it through the API, as the designer: answers the release id. */
async function openReleaseViaApi(designer: Page, body: string, note: string, extraKeys: string[] = []) {
  const draft = await saveVersionViaApi(designer.request, {
    coachingPhase: PHASE,
    name: "Identity refinement",
    requiredContextKeys: ["user_name", "current_identity", "refinement_identities", ...extraKeys],
    body,
    isActive: false,
    changeNote: note,
  });
  const res = await designer.request.post("/api/releases", { data: { phase: PHASE, version: draft.version, note } });
  expect(res.status(), await res.text()).toBe(201);
  return { id: (await res.json()).id as string, version: draft.version };
}

test("a draft goes to staging, then to production once someone other than the requester approves", async ({
  page,
  browser,
  request,
}) => {
  const key = await resolveKey(browser);
  const production = (await resolve(request, key, "production")).version;
  await signIn(page, "designer", `/prompts/${PHASE}`);
  const marker = `release-marker-${Date.now()}`;
  await typeInBody(page, `\n${marker}`);
  await page.getByLabel("Change note").fill("Add the release marker");
  await page.getByRole("button", { name: "Save as new version" }).click();
  await expect(page).toHaveURL(/saved=\d+/);
  const version = Number(new URL(page.url()).searchParams.get("saved"));

  // Staging serves the draft to a backend's staging environment; production still serves the old one.
  await page.getByRole("button", { name: `Set v${version} as staging` }).click();
  await expect(page.getByRole("status").filter({ hasText: `Staging serves v${version} now.` })).toBeVisible();
  const staged = await resolve(request, key, "staging");
  expect(staged).toMatchObject({ version, channel: "staging" });
  expect(staged.text).toContain(marker);
  const served = await resolve(request, key, "production");
  expect(served).toMatchObject({ version: production, channel: "production" });
  expect(served.text).not.toContain(marker);

  // Request the release from the editor: a note, then the new release's page.
  await page.getByRole("button", { name: `Request release of v${version}` }).click();
  const dialog = page.getByRole("dialog", { name: `Request release of version ${version}` });
  await dialog.getByLabel("Release note").fill("Ship the release marker");
  await dialog.getByRole("button", { name: "Open release request" }).click();
  await expect(page).toHaveURL(/\/releases\/[0-9a-f-]{36}$/);
  const releasePath = new URL(page.url()).pathname;
  await expect(page.getByRole("heading", { level: 1 })).toContainText(`v${production} → v${version}`);
  await expect(page.getByRole("region", { name: "Request" })).toContainText("Waiting for approval");
  await expect(
    page.locator(".monaco-diff-editor .line-insert, .monaco-diff-editor .char-insert").first(),
  ).toBeVisible();
  // The requester cannot approve their own request, nor release it unapproved.
  await expect(page.getByText("You requested this release: someone else must approve it.")).toBeVisible();
  await expect(page.getByRole("button", { name: "Approve" })).toHaveCount(0);
  await expect(page.getByRole("button", { name: /^Release v/ })).toHaveCount(0);
  await expectAccessible(page, "release page");
  await screenshot(page, "release-open");

  // A second person finds it among the open requests and approves it.
  const admin = await personAt(browser, "admin", "/releases");
  const open = admin.getByRole("region", { name: "Open requests" });
  await expect(open.getByRole("row").nth(1)).toContainText("Ship the release marker");
  await expectAccessible(admin, "releases page");
  await screenshot(admin, "releases");
  await open.getByRole("link", { name: `Release of Identity refinement v${production} → v${version}` }).click();
  await expect(admin).toHaveURL(releasePath);
  await admin.getByLabel("Your comment").fill("Reads well");
  await admin.getByRole("button", { name: "Approve" }).click();
  await expect(admin.getByRole("status").filter({ hasText: "Approved." })).toBeVisible();
  await expect(admin.getByRole("list", { name: "Reviews and comments" })).toContainText("admin@e2e.test approved");
  await expect(admin.getByRole("list", { name: "Reviews and comments" })).toContainText("Reads well");
  await admin.context().close();

  // The requester releases it; production serves it from now on.
  await page.reload();
  await page.getByRole("button", { name: `Release v${version} to production` }).click();
  await expect(
    page.getByRole("status").filter({ hasText: `Released: v${version} is the production version now.` }),
  ).toBeVisible();
  await expect(page.getByRole("region", { name: "Request" })).toContainText("Released");
  const released = await resolve(request, key, "production");
  expect(released.version).toBe(version);
  expect(released.text).toContain(marker);
  // The editor starts from the new production version, which needs no release.
  await page.goto(`/prompts/${PHASE}`);
  await expect(page.getByRole("button", { name: `v${version} is in production` })).toBeDisabled();
});

test("a viewer reads a release and comments, but is offered no approval", async ({ page, browser }) => {
  const designer = await personAt(browser, "designer", "/releases");
  const { id } = await openReleaseViaApi(
    designer,
    "## Phase: identity refinement\nWork with {user_name} on {current_identity}; left: {refinement_identities}.",
    "Shorter refinement wording",
  );
  await designer.context().close();

  await signIn(page, "viewer", "/releases");
  await page
    .getByRole("region", { name: "Open requests" })
    .getByRole("link", { name: /^Release of/ })
    .first()
    .click();
  await expect(page).toHaveURL(`/releases/${id}`);
  await expect(page.getByRole("region", { name: "Request" })).toContainText("Shorter refinement wording");
  await expect(page.getByRole("button", { name: "Approve" })).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Reject" })).toHaveCount(0);
  await expect(page.getByText("Designers and admins approve or reject releases; you can comment.")).toBeVisible();
  await page.getByLabel("Your comment").fill("Product is happy with this");
  await page.getByRole("button", { name: "Add comment" }).click();
  await expect(page.getByRole("list", { name: "Reviews and comments" })).toContainText("viewer@e2e.test commented");
  await expect(page.getByRole("list", { name: "Reviews and comments" })).toContainText("Product is happy with this");
  await expectAccessible(page, "release page as viewer");

  // A reviewer rejects it, with the comment rejecting requires.
  const reviewer = await personAt(browser, "admin", `/releases/${id}`);
  await reviewer.getByRole("button", { name: "Reject" }).click();
  await expect(reviewer.getByText("Say why you reject it.")).toBeVisible();
  await reviewer.getByLabel("Your comment").fill("Keep the longer wording");
  await reviewer.getByRole("button", { name: "Reject" }).click();
  await expect(reviewer.getByRole("region", { name: "Request" })).toContainText("Rejected");
  await reviewer.context().close();
});

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
  await page.goto(`/prompts/${PHASE}/v/${before}`);
  await page.getByRole("button", { name: "Emergency rollback to this version" }).click();
  const dialog = page.getByRole("dialog", { name: `Emergency rollback to version ${before}?` });
  await dialog.getByLabel("Why it cannot wait for a release").fill("Coaches answer in the wrong tone");
  await dialog.getByRole("button", { name: `Roll back to v${before} now` }).click();
  await expect(page.getByRole("region", { name: `History of v${before}` })).toContainText(
    `admin@e2e.test emergency rollback to v${before} (took v${version} out of production)`,
  );
  expect((await resolve(request, key, "production")).version).toBe(before);

  await page.goto(`/prompts/${PHASE}`);
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
  const designer = await personAt(browser, "designer", `/prompts/${PHASE}/preview`);
  for (const [key, value] of Object.entries({ ...CONTEXT, user_name: "Grace" }))
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
  await page.getByRole("button", { name: "Approve" }).click();
  await expect(page.getByRole("region", { name: "Request" })).toContainText("Approved");
});
