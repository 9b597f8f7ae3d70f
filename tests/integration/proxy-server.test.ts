import { request as httpRequest } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ensureBuilt, startAppServer, type AppServer } from "@/scripts/lib/app-server";

// What proxy.ts decides before the app runs, against a real `next start` on the production build.
let server: AppServer;
beforeAll(async () => {
  ensureBuilt();
  server = await startAppServer(process.env.DATABASE_URL!, { PM_DB_POOL_SIZE: "2" });
}, 600_000);
afterAll(async () => {
  await server?.kill("SIGKILL");
});

/** node:http, because fetch refuses methods such as TRACE itself. */
function raw(method: string, path: string, headers: Record<string, string> = {}, body = "") {
  return new Promise<{ status: number; headers: Record<string, unknown>; text: string }>((resolve, reject) => {
    const req = httpRequest(`${server.url}${path}`, { method, headers }, (res) => {
      let text = "";
      res.setEncoding("utf8").on("data", (c: string) => (text += c));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, text }));
    });
    req.on("error", reject);
    req.end(body);
  });
}

describe("proxy.ts", () => {
  it.each(["TRACE", "PROPFIND"])("answers %s with 405 in the API's error format", async (method) => {
    const res = await raw(method, "/api/prompts");
    expect(res.status).toBe(405);
    expect(JSON.parse(res.text).error.code).toBe("method_not_allowed");
  });

  it("answers a cross-site server-action POST with 403, not 500", async () => {
    const res = await raw(
      "POST",
      "/prompts",
      { "next-action": "0".repeat(42), "origin": "http://evil.example", "content-type": "text/plain" },
      "[]",
    );
    expect(res.status).toBe(403);
  });

  it("puts the security headers on API answers and error pages too", async () => {
    for (const path of ["/api/health", "/api/nope", "/no-such-page"]) {
      const res = await raw("GET", path);
      expect(res.headers["x-frame-options"]).toBe("DENY");
      expect(res.headers["x-content-type-options"]).toBe("nosniff");
      expect(String(res.headers["content-security-policy"])).toContain("frame-ancestors 'none'");
    }
  });

  it("gives every page a strict script-src with a fresh nonce, which Next puts on its scripts", async () => {
    const [first, second] = [await raw("GET", "/login"), await raw("GET", "/login")];
    const nonce = /script-src 'nonce-([^']+)' 'strict-dynamic'/.exec(
      String(first.headers["content-security-policy"]),
    )?.[1];
    expect(nonce).toBeTruthy();
    expect(String(second.headers["content-security-policy"])).not.toContain(nonce);
    expect(first.text).toContain(`nonce="${nonce}"`);
  });
});
