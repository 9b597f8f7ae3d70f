import { beforeAll, describe, expect, it } from "vitest";
import * as resolve from "@/app/api/resolve/route";
import * as prompts from "@/app/api/prompts/route";
import * as importRoute from "@/app/api/import/route";
import * as nextauth from "@/app/api/auth/[...nextauth]/route";
import { apiKey, signedInUser } from "../support/auth";

const MB = 1024 * 1024;
const CHUNK = 64 * 1024;

/** A request body of `totalBytes` produced lazily, counting how much of it the server pulled. */
function meteredBody(totalBytes: number) {
  const meter = { pulled: 0 };
  const chunk = new Uint8Array(CHUNK).fill(0x20); // spaces: valid JSON whitespace if it were all read
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (meter.pulled >= totalBytes) return controller.close();
      meter.pulled += CHUNK;
      controller.enqueue(chunk);
    },
  });
  return { stream, meter };
}

function streamed(path: string, headers: Record<string, string>, body: ReadableStream<Uint8Array>) {
  return new Request(`http://localhost${path}`, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body,
    duplex: "half",
  } as RequestInit);
}

const noParams = { params: Promise.resolve({}) };
let resolveKey: Record<string, string>;
let viewer: Record<string, string>;
let writer: Record<string, string>;
beforeAll(async () => {
  resolveKey = (await apiKey(["resolve"])).headers;
  writer = (await apiKey(["prompts:write"])).headers;
  viewer = (await signedInUser("viewer")).headers;
});

describe("credentials come before the body", () => {
  it("answers 401 to an anonymous 100 MB upload without reading it", async () => {
    const { stream, meter } = meteredBody(100 * MB);
    const res = await resolve.POST(streamed("/api/resolve", {}, stream), noParams);
    expect(res.status).toBe(401);
    expect(meter.pulled).toBeLessThanOrEqual(2 * CHUNK); // a stream may prefetch a chunk, never the body
  });

  it("answers 403 to a caller who may not import, before reading the import's large body", async () => {
    const { stream, meter } = meteredBody(100 * MB);
    const res = await importRoute.POST(streamed("/api/import", viewer, stream), noParams);
    expect(res.status).toBe(403);
    expect(meter.pulled).toBeLessThanOrEqual(2 * CHUNK);
  });
});

describe("body caps", () => {
  it("answers 413 payload_too_large past 1 MB, stopping the read there", async () => {
    const { stream, meter } = meteredBody(100 * MB);
    const res = await resolve.POST(streamed("/api/resolve", resolveKey, stream), noParams);
    expect(res.status).toBe(413);
    expect((await res.json()).error).toMatchObject({ code: "payload_too_large", details: { maxBytes: MB } });
    expect(meter.pulled).toBeLessThan(MB + 3 * CHUNK);
  });

  it("refuses a declared Content-Length over the cap without reading anything", async () => {
    const { stream, meter } = meteredBody(2 * MB);
    const req = streamed("/api/prompts", { ...writer, "content-length": String(2 * MB) }, stream);
    const res = await prompts.POST(req, noParams);
    expect(res.status).toBe(413);
    expect(meter.pulled).toBeLessThanOrEqual(2 * CHUNK);
  });

  it("lets a caller who may import send more than 1 MB", async () => {
    const padding = " ".repeat(3 * MB);
    const res = await importRoute.POST(
      new Request("http://localhost/api/import", {
        method: "POST",
        headers: { "content-type": "application/json", ...writer },
        body: `{"data": [], "dryRun": true}${padding}`,
      }),
      noParams,
    );
    expect(res.status).toBe(200);
  });

  it("caps the sign-in route too", async () => {
    const { stream, meter } = meteredBody(100 * MB);
    const req = new Request("http://localhost/api/auth/callback/credentials", {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: stream,
      duplex: "half",
    } as RequestInit);
    const res = await nextauth.POST(req, { params: Promise.resolve({ nextauth: ["callback", "credentials"] }) });
    expect(res.status).toBe(413);
    expect(meter.pulled).toBeLessThan(MB);
  });
});
