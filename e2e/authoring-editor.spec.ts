import { expect, test, type APIRequestContext } from "@playwright/test";
import { signIn } from "./support/auth";
import {
  bodyEditor,
  expectAccessible,
  resolveKey,
  saveVersionViaApi,
  screenshot,
  typeInBody,
} from "./support/authoring";

// Owns the identity_affirmation phase.
test.use({ viewport: { width: 1440, height: 1000 } });
const PHASE = "identity_affirmation";

test("a designer goes from sign-in to a saved draft: lint, completion, keys, actions, save, production unchanged", async ({
  page,
  browser,
  request,
}) => {
  const key = await resolveKey(browser);
  await signIn(page, "designer");
  await page
    .getByRole("table", { name: /Coaching phases/ })
    .getByRole("link", { name: "Identity affirmation" })
    .click();
  await expect(page.getByRole("heading", { level: 1, name: "Identity affirmation" })).toBeVisible();
  await expect(bodyEditor(page)).toBeVisible();

  // An unknown placeholder: an inline marker in Monaco and a line in the problems list, as you type.
  await typeInBody(page, "Affirm e2e-marker for {user_name}.\nUnknown: {favourite_colour}", { replace: true });
  await expect(bodyEditor(page).locator(".squiggly-warning").first()).toBeVisible();
  await expect(page.getByRole("region", { name: "Template problems" })).toContainText(
    '"favourite_colour" is not a catalog context key',
  );

  // Typing "{" offers the catalog's context keys with their descriptions.
  await typeInBody(page, "\n{");
  const suggest = bodyEditor(page).locator(".suggest-widget");
  await expect(suggest).toBeVisible();
  await expect(suggest).toContainText("current_identity");
  await page.keyboard.type("current_ide");
  await page.keyboard.press("Enter");
  await expect(bodyEditor(page)).toContainText("{current_identity}");

  // Replace the unknown key, then fix the warnings with the multiselects, keyboard only. The starting
  // version requires affirmation_identities, which the new body no longer places.
  await typeInBody(page, "Affirm e2e-marker for {user_name} about {current_identity} in {identity_focus}.", {
    replace: true,
  });
  const problems = page.getByRole("region", { name: "Template problems" });
  await expect(problems).toContainText('Required context key "affirmation_identities" is never placed');
  await expect(problems).toContainText('Context key "identity_focus" is used but not required');
  const selectedKeys = page.getByRole("list", { name: "Selected required context keys" });
  await page.getByRole("combobox", { name: "Required context keys" }).focus();
  await page.keyboard.type("affirmation_id");
  await expect(page.getByRole("option", { name: /affirmation_identities/, selected: true })).toBeVisible();
  await page.keyboard.press("ArrowDown"); // wraps around to the only match
  await page.keyboard.press("Enter"); // toggles it off
  await page.keyboard.press("Escape");
  await expect(page.getByRole("listbox", { name: "Required context keys" })).toBeHidden();
  await expect(selectedKeys).not.toContainText("affirmation_identities");
  await page.getByRole("button", { name: "Add keys used in the body (1)" }).click();
  await expect(selectedKeys).toContainText("identity_focus");
  await expect(problems).toContainText("No problems found");

  const selectedActions = page.getByRole("list", { name: "Selected allowed actions" });
  await page.getByRole("combobox", { name: "Allowed actions" }).focus();
  await page.keyboard.type("transition");
  await page.keyboard.press("Enter"); // the first match, selected: off
  await page.keyboard.press("Escape"); // closes the list
  await page.keyboard.press("Escape"); // clears the search
  await page.keyboard.type("identity note");
  await expect(page.getByRole("option", { name: /add_identity_note/ })).toContainText("Attach a note to an identity.");
  await page.keyboard.press("Enter");
  await expect(selectedActions).toContainText("add_identity_note");
  await expect(selectedActions).not.toContainText("transition_phase");
  await page.getByLabel("Description").fill("e2e: affirmation about the current identity");
  await expectAccessible(page, "editor");
  await screenshot(page, "editor");

  // The editor started from production, and says so.
  const production = await resolveVersion(request, key);
  await expect(page.getByTestId("editor-start")).toContainText(
    `Editing from version ${production} (what production serves)`,
  );

  // A change note is required from the editor: saving without one says so and saves nothing.
  await page.getByRole("button", { name: "Save as new version" }).click();
  await expect(page.getByText("Not saved: write a change note (what changed and why).")).toBeVisible();
  await page.getByLabel("Change note").fill("Affirm the current identity; offer identity notes");
  await page.getByRole("button", { name: "Save as new version" }).click();
  await expect(page).toHaveURL(/\/prompts\/identity_affirmation\?saved=\d+/);
  const version = Number(new URL(page.url()).searchParams.get("saved"));
  await expect(page.getByText(`Saved as version ${version}.`)).toBeVisible();
  // Saving never serves by itself: the new version is a draft, production still serves the old one,
  // and the editor now shows the draft (to stage it or ask for its release).
  const list = page.getByRole("list", { name: "Versions, newest first" });
  await expect(list.getByRole("listitem").first()).toContainText(`v${version}`);
  await expect(list.getByRole("listitem").first()).toContainText("Inactive");
  await expect(page.getByTestId("editor-start")).toContainText(`Editing from version ${version} (not in production`);
  await expect(bodyEditor(page)).toContainText("Affirm e2e-marker for {user_name}");
  expect(await resolveVersion(request, key)).toBe(production);

  const saved = await page.request.get(`/api/prompts?phase=${PHASE}&limit=1`);
  const [draft] = (await saved.json()).items;
  expect(draft).toMatchObject({
    version,
    isActive: false,
    body: "Affirm e2e-marker for {user_name} about {current_identity} in {identity_focus}.",
    allowedActions: ["update_identity_affirmation", "accept_identity_affirmation", "add_identity_note"],
    changeNote: "Affirm the current identity; offer identity notes",
  });
  // The release history names the save with its note.
  await expect(page.getByRole("region", { name: "Release history" })).toContainText(
    "Affirm the current identity; offer identity notes",
  );
});

async function resolveVersion(request: APIRequestContext, key: string): Promise<number> {
  const res = await request.post("/api/resolve", {
    headers: { authorization: `Bearer ${key}` },
    data: {
      phase: PHASE,
      context: { user_name: "Ada", current_identity: "Runner", affirmation_identities: "Runner" },
    },
  });
  expect(res.status(), await res.text()).toBe(200);
  return (await res.json()).prompt.version;
}

test("unsaved work is guarded: in-app links ask first, closing the tab asks, and a reload restores the draft", async ({
  page,
}) => {
  await signIn(page, "designer", `/prompts/${PHASE}`);
  await typeInBody(page, "\nDraft line that must survive.");
  await expect(page.getByText("Unsaved changes")).toBeVisible();

  await page.getByRole("navigation", { name: "Breadcrumb" }).getByRole("link", { name: "Prompts" }).click();
  const leave = page.getByRole("dialog", { name: "Leave without saving?" });
  await expect(leave).toBeVisible();
  await leave.getByRole("button", { name: "Stay and keep editing" }).click();
  await expect(page).toHaveURL(new RegExp(`/prompts/${PHASE}$`));

  await page.waitForTimeout(500); // the draft copy is written 300 ms after typing stops
  await page.reload();
  await expect(page.getByText(/Restored your unsaved changes/)).toBeVisible();
  await expect(bodyEditor(page)).toContainText("Draft line that must survive.");

  // The browser asks before closing a tab with unsaved changes (Chromium needs an interaction first).
  await typeInBody(page, " And more.");
  const dialog = page.waitForEvent("dialog");
  await page.close({ runBeforeUnload: true });
  expect((await dialog).type()).toBe("beforeunload");
  await (await dialog).accept();
});

test("a version saved by someone else meanwhile is shown as a diff before saving anyway", async ({ page }) => {
  await signIn(page, "designer", `/prompts/${PHASE}`);
  await typeInBody(page, "My edit {user_name}.", { replace: true });
  const theirs = await saveVersionViaApi(page.request, {
    coachingPhase: PHASE,
    name: "Their version",
    body: "Their edit {user_name}.",
    requiredContextKeys: ["user_name"],
  });

  await page.getByLabel("Change note").fill("My edit");
  await page.keyboard.press("ControlOrMeta+s");
  const conflict = page.getByRole("dialog", { name: `Version ${theirs.version} was saved while you were editing` });
  await expect(conflict).toBeVisible();
  await expect(conflict.locator(".monaco-diff-editor")).toBeVisible();
  await expect(conflict).toContainText("Their version");
  await expectAccessible(page, "save conflict dialog");
  await screenshot(page, "editor-save-conflict");
  await conflict.getByRole("button", { name: `Save anyway as version ${theirs.version + 1}` }).click();
  await expect(page).toHaveURL(new RegExp(`saved=${theirs.version + 1}`));
});
