import { expect, test } from "@playwright/test";
import { signIn } from "./support/auth";
import { expectAccessible } from "./support/authoring";

// Reads get_to_know_you (never changes its versions); samples get names unique to this run.
const PHASE = "get_to_know_you";

test("the provider choice is remembered in this browser across page loads", async ({ page }) => {
  await signIn(page, "viewer", `/prompts/${PHASE}/preview`);
  const provider = page.getByLabel("Provider");
  await expect(provider).toHaveValue("openai");
  await provider.focus();
  await provider.selectOption("anthropic");
  await page.reload();
  await expect(page.getByLabel("Provider")).toHaveValue("anthropic");
  await page.goto(`/prompts/introduction/preview`);
  await expect(page.getByLabel("Provider")).toHaveValue("anthropic");
});

test("picking another sample refreshes the result on screen instead of clearing it", async ({ page }) => {
  const run = Date.now();
  await signIn(page, "viewer", `/prompts/${PHASE}/preview`);
  const panel = page.getByRole("region", { name: "Preview" });
  await page.getByLabel(/^asked_questions/).fill("background_upbringing");
  await page.getByLabel(/^user_notes/).fill("- Likes tea");
  for (const who of ["Ada", "Bea"]) {
    await page.getByLabel(/^user_name/).fill(who);
    await page.getByLabel("Save these values as").fill(`${who} ${run}`);
    await page.getByRole("button", { name: "Save sample" }).click();
    await expect(page.getByRole("status").filter({ hasText: `Saved sample “${who} ${run}”` })).toBeVisible();
  }
  await panel.getByRole("button", { name: "Preview", exact: true }).click();
  const result = page.locator(".preview-result");
  await expect(result).toContainText("Learn about Bea");

  await page.getByLabel("Sample context").selectOption({ label: `Ada ${run}` });
  await expect(page.getByLabel(/^user_name/)).toHaveValue("Ada");
  await expect(result).toContainText("Learn about Ada"); // no second press of Preview
  await expectAccessible(page, "preview after switching samples");
});

test("a sample remembers the provider it was saved with, and picking it restores that provider", async ({ page }) => {
  const run = Date.now();
  await signIn(page, "viewer", `/prompts/${PHASE}/preview`);
  const provider = page.getByLabel("Provider");
  await page.getByLabel(/^user_name/).fill("Cleo");
  await page.getByLabel(/^asked_questions/).fill("background_upbringing");
  await provider.selectOption("anthropic");
  await page.getByLabel("Save these values as").fill(`Claude ${run}`);
  await page.getByRole("button", { name: "Save sample" }).click();
  await expect(page.getByRole("status").filter({ hasText: `Saved sample “Claude ${run}”` })).toBeVisible();

  // Another sample, saved with OpenAI: picking each one switches the provider to its own.
  await provider.selectOption("openai");
  await page.getByLabel("Save these values as").fill(`GPT ${run}`);
  await page.getByRole("button", { name: "Save sample" }).click();
  await expect(page.getByRole("status").filter({ hasText: `Saved sample “GPT ${run}”` })).toBeVisible();

  await page.reload();
  await page.getByLabel("Sample context").selectOption({ label: `Claude ${run}` });
  await expect(page.getByLabel("Provider")).toHaveValue("anthropic");
  await page.getByRole("region", { name: "Preview" }).getByRole("button", { name: "Preview", exact: true }).click();
  await expect(page.locator(".preview-result")).toContainText("Learn about Cleo");
  await expect(page.locator(".preview-result")).toContainText("Anthropic: also appended to the text");
  await page.getByLabel("Sample context").selectOption({ label: `GPT ${run}` });
  await expect(page.getByLabel("Provider")).toHaveValue("openai");
  // The result on screen is refreshed with the picked sample's provider.
  await expect(page.locator(".preview-result")).toContainText("OpenAI: sent as response_format");
});
