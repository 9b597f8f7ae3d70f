import http from "node:http";
import type { AddressInfo } from "node:net";
import { createHmac } from "node:crypto";
import { expect, test } from "@playwright/test";
import { signIn } from "./support/auth";

// Re-saves add_user_note's serving wording unchanged (a new version, same text), so the change event
// reaches the webhook without altering what any other spec reads.
const ACTION = "add_user_note";

test("an admin registers a webhook, sees it listed, and a signed delivery in its log", async ({ page }) => {
  const received: { headers: http.IncomingHttpHeaders; body: string }[] = [];
  const receiver = http.createServer((req, res) => {
    let body = "";
    req.on("data", (c: Buffer) => (body += c.toString("utf8")));
    req.on("end", () => {
      received.push({ headers: req.headers, body });
      res.writeHead(204).end();
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, "127.0.0.1", resolve));
  const url = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook`;
  try {
    await signIn(page, "admin", "/admin");
    const form = page.getByRole("form", { name: "Register a webhook" });
    await form.getByLabel("URL").fill("ftp://example.test");
    await form.getByRole("button", { name: "Register webhook" }).click();
    await expect(page.getByRole("alert").filter({ hasText: "Enter an http:// or https:// URL" })).toBeVisible();

    await form.getByLabel("URL").fill(url);
    await form.getByRole("checkbox", { name: /action\.changed/ }).check();
    await form.getByRole("button", { name: "Register webhook" }).click();
    await expect(page.getByRole("status").filter({ hasText: "shown only once" })).toBeVisible();
    const secret = await page.getByLabel("Signing secret").inputValue();
    expect(secret).toMatch(/^whsec_/);
    const row = page.getByRole("table", { name: "Webhooks" }).getByRole("row", { name: new RegExp(url) });
    await expect(row).toContainText("prompt.changed, action.changed");

    const serving = (await (await page.request.get(`/api/actions/${ACTION}`)).json()).serving;
    const saved = await page.request.post(`/api/actions/${ACTION}`, {
      data: {
        instruction: serving.instruction,
        fieldDescriptions: serving.fieldDescriptions,
        activate: true,
        changeNote: "e2e: webhook delivery",
      },
    });
    expect(saved.status()).toBe(201);
    await expect.poll(() => received.length).toBeGreaterThan(0);
    const [first] = received;
    const timestamp = String(first!.headers["x-prompt-manager-timestamp"]);
    const expected = createHmac("sha256", secret).update(`${timestamp}.${first!.body}`).digest("hex");
    expect(first!.headers["x-prompt-manager-signature"]).toBe(`sha256=${expected}`);
    expect(JSON.parse(first!.body)).toMatchObject({ type: "action.changed", data: { actionType: ACTION } });

    await row.getByRole("button", { name: "Deliveries" }).click();
    const log = page.getByRole("table", { name: "Delivery log" });
    await expect(async () => {
      await page.getByRole("button", { name: "Refresh" }).click();
      await expect(log).toContainText("action.changed", { timeout: 1_000 });
      await expect(log).toContainText("delivered", { timeout: 1_000 });
    }).toPass();
    await expect(log).toContainText("204");
    await page.screenshot({ path: "test-results/screens/admin-webhooks.png", fullPage: true });

    page.once("dialog", (d) => void d.accept());
    await row.getByRole("button", { name: "Delete" }).click();
    await expect(page.getByRole("status").filter({ hasText: `Deleted the webhook to ${url}` })).toBeVisible();
    await expect(row).toHaveCount(0);
  } finally {
    await new Promise<void>((resolve) => receiver.close(() => resolve()));
  }
});
