import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { PromptManagerClient, PromptManagerError } from "./index";

/**
 * The client's own behaviour (deadlines, caching, headers, error mapping, streamed lines) against a
 * scripted HTTP server; tests/integration/client.test.ts runs it against the real route handlers.
 */
type Script = (req: IncomingMessage, res: ServerResponse) => void;
let script: Script;
const seen: { method: string; url: string; headers: IncomingMessage["headers"]; body: string }[] = [];
const server = createServer((req, res) => {
  let body = "";
  req.on("data", (chunk: Buffer) => (body += chunk.toString()));
  req.on("end", () => {
    seen.push({ method: req.method!, url: req.url!, headers: req.headers, body });
    script(req, res);
  });
});
let baseUrl = "";
const reply =
  (status: number, body: unknown): Script =>
  (_req, res) => {
    res.writeHead(status, { "content-type": "application/json", "x-request-id": "req-1" }).end(JSON.stringify(body));
  };
const resolved = {
  prompt: { id: "x", phase: "introduction", version: 1, name: null, promptType: "coach" },
  text: "Hi",
  sections: [],
  allowedActions: [],
  requiredContextKeys: [],
  responseFormat: {},
};

beforeAll(async () => {
  await new Promise<void>((ready) => server.listen(0, "127.0.0.1", ready));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((done) => server.close(() => done())));
beforeEach(() => {
  seen.length = 0;
  script = reply(200, resolved);
});

describe("PromptManagerClient", () => {
  it("posts JSON to /api/resolve and sends the API key as a bearer token", async () => {
    const client = new PromptManagerClient({ baseUrl: `${baseUrl}/`, apiKey: "pm_secret" });
    expect(await client.resolve({ phase: "introduction", context: { user_name: "Ada" } })).toEqual(resolved);
    expect(seen[0]).toMatchObject({
      method: "POST",
      url: "/api/resolve",
      body: '{"phase":"introduction","context":{"user_name":"Ada"}}',
    });
    expect(seen[0]!.headers).toMatchObject({ "authorization": "Bearer pm_secret", "content-type": "application/json" });
    await new PromptManagerClient({ baseUrl }).listPrompts({ phase: "none", active: true, q: undefined });
    expect(seen[1]).toMatchObject({ method: "GET", url: "/api/prompts?phase=none&active=true" });
    expect(seen[1]!.headers.authorization).toBeUndefined();
  });

  it("throws the API's error with code, status, details and request id", async () => {
    script = reply(422, {
      error: {
        code: "missing_context",
        message: "Missing context keys: user_name",
        details: { missing: ["user_name"] },
      },
    });
    const error = await new PromptManagerClient({ baseUrl })
      .resolve({ phase: "introduction" })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PromptManagerError);
    expect(error).toMatchObject({
      code: "missing_context",
      status: 422,
      details: { missing: ["user_name"] },
      requestId: "req-1",
    });
    script = (_req, res) => res.writeHead(502).end("<html>bad gateway</html>");
    await expect(new PromptManagerClient({ baseUrl }).health()).rejects.toMatchObject({
      code: "bad_response",
      status: 502,
    });
  });

  it("gives up after the deadline with code timeout, and reports unreachable servers as network errors", async () => {
    script = (req, res) => setTimeout(() => reply(200, resolved)(req, res), 500);
    const started = Date.now();
    await expect(
      new PromptManagerClient({ baseUrl, timeoutMs: 100 }).resolve({ phase: "introduction" }),
    ).rejects.toMatchObject({ code: "timeout", status: 0 });
    expect(Date.now() - started).toBeLessThan(400);
    await expect(new PromptManagerClient({ baseUrl: "http://127.0.0.1:9" }).health()).rejects.toMatchObject({
      code: "network",
    });
    const controller = new AbortController();
    const call = new PromptManagerClient({ baseUrl }).health({ signal: controller.signal });
    controller.abort();
    await expect(call).rejects.toMatchObject({ code: "aborted" });
  });

  it("caches resolve answers per request for the TTL when asked to, never failures", async () => {
    // Only resolve calls count: a cancelled call of the previous test may still reach the server.
    const resolveCalls = () => seen.filter((s) => s.url === "/api/resolve").length;
    const client = new PromptManagerClient({ baseUrl, resolveCache: { ttlMs: 60_000, maxEntries: 2 } });
    const a = { phase: "introduction", context: { user_name: "Ada", who_you_are: "x" } };
    const aReordered = { context: { who_you_are: "x", user_name: "Ada" }, phase: "introduction" };
    await Promise.all([client.resolve(a), client.resolve(aReordered)]); // one in-flight call shared
    await client.resolve(a);
    expect(resolveCalls()).toBe(1);
    await client.resolve(a, { cache: false });
    expect(resolveCalls()).toBe(2);
    await client.resolve({ phase: "b" });
    await client.resolve({ phase: "c" }); // evicts a (least recently used)
    await client.resolve(a);
    expect(resolveCalls()).toBe(5);
    script = reply(404, { error: { code: "no_active_prompt", message: "none", details: null } });
    await expect(client.resolve({ phase: "d" })).rejects.toThrow("none");
    script = reply(200, resolved);
    await client.resolve({ phase: "d" });
    expect(resolveCalls()).toBe(7);
    const uncached = new PromptManagerClient({ baseUrl });
    await uncached.resolve(a);
    await uncached.resolve(a);
    expect(resolveCalls()).toBe(9);
  });

  it("reads streamed import progress even when lines arrive split, and throws an in-band error", async () => {
    script = (_req, res) => {
      res.writeHead(200, { "content-type": "application/x-ndjson" });
      res.write('{"type":"progress","stage":"check","done":0,"total":2}\n{"type":"progress","st');
      setTimeout(() => res.end('age":"check","done":2,"total":2}\n{"type":"report","report":{"applied":false}}\n'), 20);
    };
    const progress: unknown[] = [];
    const report = await new PromptManagerClient({ baseUrl }).importPrompts(
      { data: [] },
      { onProgress: (p) => progress.push(p) },
    );
    expect(seen[0]!.headers.accept).toBe("application/x-ndjson");
    expect(progress).toEqual([
      { type: "progress", stage: "check", done: 0, total: 2 },
      { type: "progress", stage: "check", done: 2, total: 2 },
    ]);
    expect(report).toEqual({ applied: false });
    script = (_req, res) =>
      res.writeHead(200).end('{"type":"error","error":{"code":"db_unavailable","message":"down","details":null}}\n');
    await expect(
      new PromptManagerClient({ baseUrl }).importPrompts({ data: [] }, { onProgress: () => {} }),
    ).rejects.toMatchObject({ code: "db_unavailable", status: 503 });
  });
});
