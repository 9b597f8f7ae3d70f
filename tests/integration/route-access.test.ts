import { describe, expect, it } from "vitest";
import * as prompts from "@/app/api/prompts/route";
import * as catalog from "@/app/api/catalog/route";
import * as users from "@/app/api/users/route";
import { apiKey } from "../support/auth";
import { call } from "../support/http";

// route({access}) enforces the level it declares, before the handler reads anything: a caller without
// the permission is refused at the door, whatever it sends.
describe("route access levels", () => {
  it("refuses a caller without the route's permission before reading its body", async () => {
    const resolveOnly = (await apiKey(["resolve"])).headers;
    const huge = "x".repeat(2 * 1024 * 1024);
    const res = await call(prompts.POST, {
      method: "POST",
      headers: { ...resolveOnly, "content-type": "application/json" },
      rawBody: `{"body":"${huge}"}`,
    });
    // Without enforcement at the route, the body cap (413) would answer first.
    expect([res.status, res.body.error.code]).toEqual([403, "forbidden"]);
    expect(res.body.error.details).toEqual({ permission: "prompts:write" });
  });

  it("'authenticated' routes take any caller; 'admin' routes only admins", async () => {
    const resolveOnly = (await apiKey(["resolve"])).headers;
    expect((await call(catalog.GET, { headers: resolveOnly })).status).toBe(200);
    const writer = (await apiKey(["prompts:read", "prompts:write"])).headers;
    const refused = await call(users.GET, { headers: writer });
    expect([refused.status, refused.body.error.details]).toEqual([403, { permission: "admin" }]);
  });
});
