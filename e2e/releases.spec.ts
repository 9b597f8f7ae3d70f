import { expect, test } from "@playwright/test";
import { signIn } from "./support/auth";
import { expectAccessible, resolveKey, screenshot, typeInBody } from "./support/authoring";
import { openReleaseViaApi, personAt, RELEASE_PHASE, resolve } from "./support/releases";

// The release flow: draft → staging → request → approval by someone else → production; viewers comment.
test.use({ viewport: { width: 1440, height: 1000 } });

test("a draft goes to staging, then to production once someone other than the requester approves", async ({
  page,
  browser,
  request,
}) => {
  const key = await resolveKey(browser);
  const production = (await resolve(request, key, "production")).version;
  await signIn(page, "designer", `/prompts/${RELEASE_PHASE}`);
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
  // A cursor that is no release id shows the newest page, not an error.
  await admin.goto("/releases?cursor=not-an-id");
  await expect(open.getByRole("row").nth(1)).toContainText("Ship the release marker");
  await admin.goto("/releases");
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
  await page.goto(`/prompts/${RELEASE_PHASE}`);
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
