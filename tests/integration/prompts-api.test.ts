import { beforeAll, describe, expect, it } from "vitest";
import * as collection from "@/app/api/prompts/route";
import * as item from "@/app/api/prompts/[id]/route";
import * as rollback from "@/app/api/phases/[phase]/rollback/route";
import { apiKey, signedInUser } from "../support/auth";
import { authenticateCallsAs, call } from "../support/http";
import { serveOnSave } from "../support/serving";

// This file tests the versions API itself; drafts, the release policy and releases have their own
// files. Here saving with isActive: true, PATCH and rollback change production directly (policy 0).
let designer: Record<string, string> = {};
beforeAll(async () => {
  await serveOnSave();
  designer = (await signedInUser("designer")).headers;
  authenticateCallsAs(designer);
});

const create = (body: Record<string, unknown>) =>
  call(collection.POST, {
    method: "POST",
    body: { body: "Hello {user_name}", requiredContextKeys: ["user_name"], ...body },
  });

describe("POST /api/prompts", () => {
  it("creates version 1 (a draft), then 2, with defaults and camelCase JSON", async () => {
    const first = await create({ coachingPhase: "identity_affirmation", name: "Affirm" });
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({
      coachingPhase: "identity_affirmation",
      version: 1,
      name: "Affirm",
      description: null,
      promptType: "coach",
      isActive: false,
      changeNote: null,
      requiredContextKeys: ["user_name"],
      allowedActions: [],
    });
    expect(first.body.createdAt).toMatch(/^\d{4}-\d\d-\d\dT/);
    const second = await create({ coachingPhase: "IDENTITY_AFFIRMATION" });
    expect(second.body.version).toBe(2);
  });

  it("gives 100 concurrent creates for one phase versions 1..100: no error, gap or duplicate", async () => {
    const results = await Promise.all(
      Array.from({ length: 100 }, (_, i) => create({ coachingPhase: "identity_visualization", name: `c${i}` })),
    );
    expect(results.map((r) => r.status)).toEqual(Array(100).fill(201));
    expect(results.map((r) => r.body.version).sort((a, b) => a - b)).toEqual(
      Array.from({ length: 100 }, (_, i) => i + 1),
    );
  });

  it("numbers phase-less (sentinel) prompts on their own", async () => {
    const a = await create({ coachingPhase: null, promptType: "sentinel", body: "Watch.", requiredContextKeys: [] });
    const b = await create({
      coachingPhase: null,
      promptType: "sentinel",
      body: "Watch more.",
      requiredContextKeys: [],
    });
    expect([a.status, b.status]).toEqual([201, 201]);
    expect(b.body.version).toBe(a.body.version + 1);
  });

  it.each([
    ["unknown phase", { coachingPhase: "outro" }, "coachingPhase"],
    [
      "unknown context key",
      { coachingPhase: "introduction", requiredContextKeys: ["identity_brainstorming_context"] },
      "requiredContextKeys.0",
    ],
    ["unknown action", { coachingPhase: "introduction", allowedActions: ["transition_state"] }, "allowedActions.0"],
    ["empty body", { coachingPhase: "introduction", body: "   " }, "body"],
    ["unknown field", { coachingPhase: "introduction", version: 9 }, ""],
  ])("refuses %s with 400 invalid_request", async (_label, body, path) => {
    const res = await create(body);
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe("invalid_request");
    expect(res.body.error.details.issues.map((i: { path: string }) => i.path)).toContain(path);
  });

  it("refuses a body that does not parse with 422 invalid_template and the position", async () => {
    const res = await create({ coachingPhase: "introduction", body: "Hi\n  {user_name)" });
    expect(res.status).toBe(422);
    expect(res.body.error.code).toBe("invalid_template");
    expect(res.body.error.message).toMatch(/line 2, column 3/);
  });

  it("answers malformed JSON with 400, not 500", async () => {
    const res = await call(collection.POST, {
      method: "POST",
      rawBody: "{nope",
      headers: { ...designer, "content-type": "application/json" },
    });
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({ code: "invalid_request", message: "The request body is not valid JSON" });
  });
});

describe("GET /api/prompts and /api/prompts/{id}", () => {
  it("matches % _ and \\ in ?q= literally, not as patterns", async () => {
    const made = await create({
      coachingPhase: "system_context",
      promptType: "system",
      name: "Literal 100% sure_thing",
      body: "Plain body",
      requiredContextKeys: [],
    });
    expect(made.status).toBe(201);
    // A second version without % or _ anywhere: a pattern search would find it too.
    await create({
      coachingPhase: "system_context",
      promptType: "system",
      name: "Other",
      body: "Plain",
      requiredContextKeys: [],
    });
    for (const [q, hits] of [
      ["%", 1],
      ["_", 1],
      ["0%", 1],
      ["\\", 0],
    ] as const) {
      const res = await call(collection.GET, {
        path: `/api/prompts?${new URLSearchParams({ q, phase: "system_context" })}`,
      });
      expect(res.status).toBe(200);
      expect([q, res.body.items.length]).toEqual([q, hits]);
    }
  });

  it("filters by phase, type and active, and pages with a cursor", async () => {
    for (let i = 0; i < 5; i++) await create({ coachingPhase: "get_to_know_you", isActive: i % 2 === 0 });
    const page1 = await call(collection.GET, { path: "/api/prompts?phase=get_to_know_you&limit=2" });
    expect(page1.body.items).toHaveLength(2);
    expect(page1.body.nextCursor).toBeTruthy();
    const page2 = await call(collection.GET, {
      path: `/api/prompts?phase=get_to_know_you&limit=2&cursor=${page1.body.nextCursor}`,
    });
    const page3 = await call(collection.GET, {
      path: `/api/prompts?phase=get_to_know_you&limit=2&cursor=${page2.body.nextCursor}`,
    });
    const versions = [...page1.body.items, ...page2.body.items, ...page3.body.items].map((p) => p.version);
    expect(versions.sort()).toEqual([1, 2, 3, 4, 5]);
    expect(page3.body.nextCursor).toBeNull();
    const active = await call(collection.GET, { path: "/api/prompts?phase=get_to_know_you&active=true" });
    expect(active.body.items.map((p: { version: number }) => p.version).sort()).toEqual([1, 3, 5]);
    const bad = await call(collection.GET, { path: "/api/prompts?active=maybe" });
    expect(bad.status).toBe(400);
  });

  it("gets one prompt; unknown or malformed ids are 404", async () => {
    const made = await create({ coachingPhase: "identity_refinement" });
    const got = await call(item.GET, { params: { id: made.body.id } });
    expect(got.body).toEqual(made.body);
    expect((await call(item.GET, { params: { id: "00000000-0000-4000-8000-000000000000" } })).status).toBe(404);
    expect((await call(item.GET, { params: { id: "not-a-uuid" } })).body.error.code).toBe("not_found");
  });
});

describe("PATCH /api/prompts/{id}", () => {
  it("changes name, description and is_active in place and bumps updatedAt", async () => {
    const made = await create({ coachingPhase: "identity_brainstorming" });
    const res = await call(item.PATCH, {
      method: "PATCH",
      params: { id: made.body.id },
      body: { name: "Renamed", description: "Why", isActive: false },
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      name: "Renamed",
      description: "Why",
      isActive: false,
      version: made.body.version,
    });
    expect(Date.parse(res.body.updatedAt)).toBeGreaterThan(Date.parse(made.body.updatedAt));
  });

  it("answers 409 immutable_field for any content change and changes nothing", async () => {
    const made = await create({ coachingPhase: "identity_brainstorming" });
    const res = await call(item.PATCH, {
      method: "PATCH",
      params: { id: made.body.id },
      body: { name: "x", body: "New body" },
    });
    expect(res.status).toBe(409);
    expect(res.body.error).toMatchObject({ code: "immutable_field", details: { fields: ["body"] } });
    expect((await call(item.GET, { params: { id: made.body.id } })).body).toEqual(made.body);
  });
});

describe("POST /api/phases/{phase}/rollback", () => {
  it("deactivates every active version above N in one go and reports them", async () => {
    for (let i = 0; i < 4; i++) await create({ coachingPhase: "identity_warm_up", isActive: true });
    const res = await call(rollback.POST, {
      method: "POST",
      params: { phase: "IDENTITY_WARMUP" },
      body: { toVersion: 2 },
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ phase: "identity_warm_up", servingVersion: 2, activated: false });
    expect(res.body.deactivated.map((p: { version: number }) => p.version)).toEqual([4, 3]);
    const active = await call(collection.GET, { path: "/api/prompts?phase=identity_warm_up&active=true" });
    expect(active.body.items.map((p: { version: number }) => p.version).sort()).toEqual([1, 2]);
  });

  it("answers 404 version_not_found for a version that does not exist, and 400 for a bad phase", async () => {
    await create({ coachingPhase: "introduction" });
    const res = await call(rollback.POST, {
      method: "POST",
      params: { phase: "introduction" },
      body: { toVersion: 99 },
    });
    expect(res.status).toBe(404);
    expect(res.body.error.code).toBe("version_not_found");
    const bad = await call(rollback.POST, { method: "POST", params: { phase: "nope" }, body: { toVersion: 1 } });
    expect(bad.status).toBe(400);
  });
});

describe("a write-only key (prompts:write without prompts:read)", () => {
  it("gets back id, phase, version and isActive from the write routes, never bodies", async () => {
    const writeOnly = (await apiKey(["prompts:write"])).headers;
    const receipt = ["coachingPhase", "id", "isActive", "version"];
    const made = await call(collection.POST, {
      method: "POST",
      headers: writeOnly,
      body: { coachingPhase: "get_to_know_you", body: "Secret {user_name}", requiredContextKeys: ["user_name"] },
    });
    expect(made.status).toBe(201);
    expect(Object.keys(made.body).sort()).toEqual(receipt);
    const patched = await call(item.PATCH, {
      method: "PATCH",
      headers: writeOnly,
      params: { id: made.body.id },
      body: { isActive: true },
    });
    expect(patched.status).toBe(200);
    expect(patched.body).toEqual({ ...made.body, isActive: true });
    await call(collection.POST, {
      method: "POST",
      headers: writeOnly,
      body: { coachingPhase: "get_to_know_you", body: "Later", isActive: true },
    });
    const rolled = await call(rollback.POST, {
      method: "POST",
      headers: writeOnly,
      params: { phase: "get_to_know_you" },
      body: { toVersion: made.body.version },
    });
    expect(rolled.status).toBe(200);
    expect(rolled.body.deactivated.map((p: object) => Object.keys(p).sort())).toEqual([receipt]);
    expect((await call(item.GET, { headers: writeOnly, params: { id: made.body.id } })).status).toBe(403);

    // With prompts:read as well, the same routes answer the full version.
    const readWrite = (await apiKey(["prompts:read", "prompts:write"])).headers;
    const full = await call(item.PATCH, {
      method: "PATCH",
      headers: readWrite,
      params: { id: made.body.id },
      body: { name: "Named" },
    });
    expect(full.body).toMatchObject({ body: "Secret {user_name}", name: "Named" });
  });
});
