import { beforeAll, describe, expect, it } from "vitest";
import * as resolve from "@/app/api/resolve/route";
import * as collection from "@/app/api/prompts/route";
import * as catalogRoute from "@/app/api/catalog/route";
import * as health from "@/app/api/health/route";
import { seedDemoPrompts } from "@/lib/server/services/seed-service";
import { signedInUser } from "../support/auth";
import { authenticateCallsAs, call } from "../support/http";
import { serveOnSave } from "../support/serving";

const post = (body: unknown) => call(resolve.POST, { method: "POST", body });
const create = (body: Record<string, unknown>) => call(collection.POST, { method: "POST", body });

beforeAll(async () => {
  authenticateCallsAs((await signedInUser("designer")).headers);
  expect(await seedDemoPrompts({ onlyIfEmpty: true })).toBeGreaterThan(8);
  await serveOnSave(); // deactivating below changes production directly
});

describe("POST /api/resolve", () => {
  it("assembles the latest active introduction prompt after the system context", async () => {
    const res = await post({ phase: "introduction", context: { user_name: "Ada" } });
    expect(res.status).toBe(200);
    expect(res.body.prompt).toMatchObject({ phase: "introduction", version: 2, promptType: "coach" });
    expect(res.body.sections.map((s: { kind: string }) => s.kind)).toEqual(["system_context", "body", "actions"]);
    expect(res.body.text).toBe(res.body.sections.map((s: { text: string }) => s.text).join("\n\n"));
    expect(res.body.text).toContain("Greet Ada by name");
    // {{ }} in the body are literal braces in the output, as Python's str.format gives
    expect(res.body.text).toContain('{"transition_phase": {"params": {"to_phase": "get_to_know_you"}}}');
    expect(res.body.allowedActions).toEqual(["transition_phase", "show_introduction_canned_response_component"]);
    expect(res.body.requiredContextKeys).toEqual(["user_name"]);
    // The old shape: every allowed action required but nullable, so OpenAI strict mode accepts it.
    expect(res.body.responseFormat).toMatchObject({
      type: "object",
      required: ["message", "transition_phase", "show_introduction_canned_response_component"],
      additionalProperties: false,
      properties: {
        message: { type: "string" },
        transition_phase: { anyOf: [{ type: "object" }, { type: "null" }] },
      },
    });
  });

  it("accepts the enum name in any case and pins a version for testing", async () => {
    const res = await post({ phase: "Introduction", version: 1, context: { user_name: "Ada" } });
    expect(res.status).toBe(200);
    expect(res.body.prompt.version).toBe(1);
    expect(res.body.text).toContain("Welcome Ada");
    expect(
      (
        await post({
          phase: "IDENTITY_WARMUP",
          context: { user_name: "A", who_you_are: ["kind", "curious"], who_you_want_to_be: "brave" },
        })
      ).body.text,
    ).toContain("Today: kind, curious");
  });

  it("resolves the sentinel prompt by type, without a phase and without the system context", async () => {
    const res = await post({
      promptType: "sentinel",
      context: { previous_message: "Hi", current_message: "I run", current_phase: "introduction" },
    });
    expect(res.status).toBe(200);
    expect(res.body.prompt).toMatchObject({ phase: null, promptType: "sentinel" });
    expect(res.body.sections[0].kind).toBe("body");
  });

  it("orders the sentinel as the old system did: body, user notes, actions", async () => {
    const res = await post({
      promptType: "sentinel",
      context: {
        previous_message: "Hi",
        current_message: "I run",
        current_phase: "introduction",
        user_notes: "- likes tea",
        recent_messages: [{ role: "user", content: "hi" }],
      },
    });
    expect(res.status).toBe(200);
    expect(res.body.sections.map((s: { kind: string }) => s.kind)).toEqual(["body", "user_notes", "actions"]);
  });

  it("renders structured recent_messages as the old Recent conversation block", async () => {
    const res = await post({
      phase: "introduction",
      context: {
        user_name: "Ada",
        recent_messages: [
          {
            role: "coach",
            content: "Hello!",
            actions: [{ type: "transition_phase", params: { to_phase: "get_to_know_you" } }],
          },
          { role: "user", content: "Hi" },
        ],
      },
    });
    expect(res.status).toBe(200);
    expect(res.body.sections.at(-1)).toEqual({
      kind: "recent_messages",
      text: '## Recent conversation\n\n**Coach:**\nHello!\n**Action:**\ntransition_phase: {"to_phase":"get_to_know_you"}\n**User:**\nHi',
    });
    const bad = await post({
      phase: "introduction",
      context: { user_name: "Ada", recent_messages: [{ role: "bot", content: "x" }] },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe("invalid_request");
  });

  it("appends the response schema to the text for anthropic", async () => {
    const res = await post({ phase: "introduction", context: { user_name: "Ada" }, provider: "anthropic" });
    const schemaText = JSON.stringify(res.body.responseFormat, null, 2);
    expect(res.body.text.endsWith(schemaText)).toBe(true);
    const openai = await post({ phase: "introduction", context: { user_name: "Ada" } });
    expect(openai.body.text).not.toContain(schemaText);
    expect(openai.body.responseFormat).toEqual(res.body.responseFormat);
  });

  it("422 missing_context lists every missing required key or placeholder", async () => {
    const res = await post({ phase: "identity_brainstorming", context: { user_name: "Ada", identities: null } });
    expect(res.status).toBe(422);
    expect(res.body.error.code).toBe("missing_context");
    expect(res.body.error.details.missing).toEqual(["brainstorming_category_context", "identities", "identity_focus"]);
  });

  it("404 no_active_prompt when every version of a phase is inactive", async () => {
    const made = await create({ coachingPhase: "identity_refinement", body: "x", isActive: false });
    expect(made.status).toBe(201);
    const all = await call(collection.GET, { path: "/api/prompts?phase=identity_refinement&active=true" });
    const { PATCH } = await import("@/app/api/prompts/[id]/route");
    for (const p of all.body.items)
      await call(PATCH, { method: "PATCH", params: { id: p.id }, body: { isActive: false } });
    const res = await post({ phase: "identity_refinement", context: {} });
    expect(res.status).toBe(404);
    expect(res.body.error).toMatchObject({ code: "no_active_prompt", details: { phase: "identity_refinement" } });
  });

  it("404 version_not_found for an unknown or inactive pinned version", async () => {
    const unknown = await post({ phase: "introduction", version: 42, context: { user_name: "A" } });
    expect(unknown.status).toBe(404);
    expect(unknown.body.error).toMatchObject({ code: "version_not_found", details: { exists: false } });
  });

  it.each([
    ["unknown phase", { phase: "outro" }],
    ["unknown context key", { phase: "introduction", context: { username: "A" } }],
    ["unknown provider", { phase: "introduction", provider: "gemini" }],
    ["bad version", { phase: "introduction", version: 0 }],
    ["neither phase nor type", { context: {} }],
    ["extra field", { phase: "introduction", prompt: "x" }],
    ["not an object", [1, 2]],
  ])("400 invalid_request for %s", async (_label, body) => {
    const res = await post(body);
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe("invalid_request");
    expect(res.body.error.details.issues.length).toBeGreaterThan(0);
  });
});

describe("GET /api/catalog and /api/health", () => {
  it("serves the whole catalog with labels, descriptions and action schemas", async () => {
    const res = await call(catalogRoute.GET);
    expect(res.body.phases).toHaveLength(8);
    expect(res.body.contextKeys).toHaveLength(18);
    expect(res.body.actionTypes).toHaveLength(22);
    expect(res.body.promptTypes.map((t: { value: string }) => t.value)).toEqual(["coach", "sentinel", "system"]);
    expect(res.body.actionTypes.find((a: { value: string }) => a.value === "transition_phase")).toMatchObject({
      label: expect.any(String),
      description: expect.any(String),
      paramsSchema: {
        properties: { params: { properties: { to_phase: { enum: expect.arrayContaining(["introduction"]) } } } },
      },
    });
  });

  it("reports the database as up", async () => {
    const res = await call(health.GET);
    expect(res.body).toMatchObject({ status: "ok", db: "up", deafResolves: 0, draining: false });
  });
});
