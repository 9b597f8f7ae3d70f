import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as hookList from "@/app/api/webhooks/route";
import * as hookItem from "@/app/api/webhooks/[id]/route";
import * as hookDeliveries from "@/app/api/webhooks/[id]/deliveries/route";
import { signedInUser } from "../support/auth";
import { call, type CallResult } from "../support/http";

// Registration through the API; delivery itself is in webhooks.test.ts.
const raw = new pg.Client({ connectionString: process.env.DATABASE_URL });
let admin: Record<string, string>;
beforeAll(async () => {
  await raw.connect();
  admin = (await signedInUser("admin")).headers;
});
afterAll(() => raw.end());

const register = (body: unknown): Promise<CallResult> => call(hookList.POST, { method: "POST", headers: admin, body });

describe("webhook registration (admins)", () => {
  it("generates a secret shown once, lists without it, deletes, and audits both", async () => {
    const created = await register({ url: "https://example.test/hook", events: ["prompt.changed"] });
    expect(created.status).toBe(201);
    expect(created.body.secret).toMatch(/^whsec_[\w-]{40,}$/);
    const id = created.body.webhook.id as string;
    const list = await call(hookList.GET, { headers: admin });
    expect(list.body.items).toEqual([
      { id, url: "https://example.test/hook", events: ["prompt.changed"], createdAt: expect.any(String) },
    ]);
    expect(JSON.stringify(list.body)).not.toContain(created.body.secret);
    expect((await call(hookItem.DELETE, { method: "DELETE", headers: admin, params: { id } })).status).toBe(200);
    expect((await call(hookItem.DELETE, { method: "DELETE", headers: admin, params: { id } })).status).toBe(404);
    const { rows } = await raw.query(
      "SELECT action, after->>'url' AS url, before->>'url' AS gone FROM audit_events WHERE target_id = $1 ORDER BY id",
      [id],
    );
    expect(rows).toEqual([
      { action: "webhook.create", url: "https://example.test/hook", gone: null },
      { action: "webhook.delete", url: null, gone: "https://example.test/hook" },
    ]);
    expect(JSON.stringify(rows)).not.toContain(created.body.secret);
  });

  it("refuses non-http(s) URLs, unknown or no events, and short secrets with 400", async () => {
    for (const body of [
      { url: "ftp://example.test/x", events: ["prompt.changed"] },
      { url: "javascript:alert(1)", events: ["prompt.changed"] },
      { url: "not a url", events: ["prompt.changed"] },
      { url: "https://example.test", events: [] },
      { url: "https://example.test", events: ["prompt.deleted"] },
      { url: "https://example.test", events: ["prompt.changed"], secret: "short" },
    ]) {
      const res = await register(body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.body.error.code).toBe("invalid_request");
    }
    const upper = await register({ url: "HTTPS://example.test/Hook", events: ["prompt.changed"] });
    expect(upper.status).toBe(201);
    expect(upper.body.webhook.url).toBe("https://example.test/Hook");
    expect((await call(hookDeliveries.GET, { headers: admin, params: { id: "nope" } })).status).toBe(404);
  });
});
