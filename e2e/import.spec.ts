import { readFileSync } from "node:fs";
import { expect, test, type Page } from "@playwright/test";
import { PromptManagerClient, type PromptResponse } from "@/lib/client";
import { OLD_SYSTEM_FIXTURE } from "@/tests/support/old-system-fixture";
import { adminApiKey, signIn } from "./support/auth";
import { setRequiredApprovals } from "./support/releases";

type FixtureRow = { pk: string; fields: { coaching_phase: string | null; version: number } };
const fixture = JSON.parse(readFileSync(OLD_SYSTEM_FIXTURE, "utf8")) as FixtureRow[];

async function allVersions(client: PromptManagerClient): Promise<PromptResponse[]> {
  const items: PromptResponse[] = [];
  for (let cursor: string | undefined; ;) {
    const page = await client.listPrompts({ limit: 200, cursor });
    items.push(...page.items);
    if (!page.nextCursor) return items;
    cursor = page.nextCursor;
  }
}

// The suite shares one database: afterwards, deactivate what this file imported, so every phase
// serves the demo version it served before and the other specs see the seeded state.
let before: Set<string> | null = null;
let apiKey = "";
test.beforeAll(async ({ baseURL, browser }) => {
  apiKey = await adminApiKey(browser, ["resolve", "prompts:read", "prompts:write"]);
  before = new Set((await allVersions(new PromptManagerClient({ baseUrl: baseURL!, apiKey }))).map((p) => p.id));
});
test.afterAll(async ({ baseURL, browser }) => {
  const client = new PromptManagerClient({ baseUrl: baseURL!, apiKey });
  // Deactivating is a direct production change: allowed without review only under policy 0.
  await setRequiredApprovals(browser, 0);
  try {
    for (const p of await allVersions(client))
      if (before && !before.has(p.id) && p.isActive) await client.updatePrompt(p.id, { isActive: false });
  } finally {
    await setRequiredApprovals(browser, 1);
  }
});

/** Uploads the old fixture and decides each defect, as a person would; answers the report table. */
async function uploadAndDecide(page: Page) {
  await page.getByLabel("Prompt file (.json)").setInputFiles(OLD_SYSTEM_FIXTURE);
  const report = page.getByRole("table", { name: "Rows" });
  await expect(report).toContainText("'{' is never closed");
  await expect(report).toContainText('Unknown action "transition_state"');
  await expect(page.getByLabel("Row counts")).toContainText("4 blocked");
  await expect(page.getByRole("button", { name: /^Import \d+ new versions$/ })).toBeDisabled();

  await page.getByLabel("Decision for identity_brainstorming_context").selectOption("drop");
  await page.getByLabel("Decision for transition_state").selectOption("map:transition_phase");
  await page.getByLabel("Import them as history").check();
  await page.getByRole("button", { name: "Check again with these decisions" }).click();
  await expect(page.getByLabel("Row counts")).toContainText("0 blocked");
  await expect(report).toContainText('"transition_state" mapped to "transition_phase" as asked');
  // The demo seed serves v1 of introduction: the report names the production change before applying.
  await expect(page.getByRole("note", { name: "Production changes" })).toContainText(/introduction v\d+ → v9/);
  return report;
}

test("an import that changes production is named before applying and needs an admin; the admin imports and exports", async ({
  page,
  browser,
  baseURL,
}) => {
  // A designer may import, but this one would replace the demo's production versions: refused.
  const designerContext = await browser.newContext();
  const designer = await designerContext.newPage();
  await signIn(designer, "designer", "/prompts/import");
  await uploadAndDecide(designer);
  await designer.getByRole("button", { name: /^Import \d+ new versions$/ }).click();
  await expect(designer.getByRole("alert").filter({ hasText: "an admin must apply it" })).toBeVisible();
  await designerContext.close();

  await signIn(page, "admin", "/prompts/import");
  await uploadAndDecide(page);
  await page.screenshot({ path: "test-results/screens/import-report.png", fullPage: true });

  await page.getByRole("button", { name: /^Import \d+ new versions$/ }).click();
  await expect(page.getByRole("status").filter({ hasText: "Imported" })).toContainText(/Imported \d+ new versions/);

  // The demo seed already holds some low versions (conflicts, never overwritten); the fixture's
  // higher versions now serve.
  const client = new PromptManagerClient({ baseUrl: baseURL!, apiKey });
  const intro9 = fixture.find((r) => r.fields.coaching_phase === "introduction" && r.fields.version === 9)!;
  const resolved = await client.resolve({ phase: "introduction", context: { user_name: "Ada" } });
  expect(resolved.prompt).toMatchObject({ id: intro9.pk, version: 9 });

  await page.getByLabel("Format").selectOption("django");
  await page.getByLabel("Phase").selectOption("introduction");
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("link", { name: "Download export" }).click(),
  ]);
  expect(download.suggestedFilename()).toBe("prompts-introduction.django.json");
  const exported = JSON.parse(readFileSync((await download.path())!, "utf8")) as FixtureRow[];
  expect(exported.find((r) => r.pk === intro9.pk)?.fields.version).toBe(9);
});

test("the API reference is served from our own origin", async ({ page, baseURL }) => {
  const external: string[] = [];
  page.on("request", (req) => {
    if (new URL(req.url()).origin !== new URL(baseURL!).origin) external.push(req.url());
  });
  await page.goto("/api/docs");
  await expect(page.getByRole("heading", { name: "Prompt Manager API" })).toBeVisible();
  await page.getByRole("link", { name: /POST \/api\/resolve/ }).click();
  await expect(page.locator("#op-resolve")).toContainText("ResolveRequest");
  await page.screenshot({ path: "test-results/screens/api-docs.png" });
  expect(external).toEqual([]);
});
