import { beforeAll, describe, expect, it } from "vitest";
import { PromptManagerClient, PromptManagerError, type ImportProgress } from "@/lib/client";
import { apiKey } from "../support/auth";
import { inProcessFetch } from "../support/in-process-fetch";
import { readOldSystemFixture } from "../support/old-system-fixture";
import { serveOnSave } from "../support/serving";

let client: PromptManagerClient;
beforeAll(async () => {
  await serveOnSave(); // the client's rollback call changes production directly here
  const { key } = await apiKey(["resolve", "prompts:read", "prompts:write"]);
  client = new PromptManagerClient({ baseUrl: "http://app.test", fetch: inProcessFetch, apiKey: key });
});
const { data } = readOldSystemFixture();

describe("the typed client against the real route handlers", () => {
  it("imports with streamed progress, then resolves, lists, reads, edits, rolls back and exports", async () => {
    const progress: ImportProgress[] = [];
    const report = await client.importPrompts(
      {
        data,
        dryRun: false,
        options: { drops: ["identity_brainstorming_context", "transition_state"], invalidTemplates: "skip" },
      },
      { onProgress: (p) => progress.push(p) },
    );
    expect(report).toMatchObject({ applied: true, inserted: 36, counts: { skipped: 2 } });
    expect(progress.at(-1)).toEqual({ type: "progress", stage: "insert", done: 36, total: 36 });

    const resolved = await client.resolve({ phase: "INTRODUCTION", context: { user_name: "Ada" } });
    expect(resolved.prompt).toMatchObject({ phase: "introduction", version: 9 });
    expect(resolved.sections.map((s) => s.kind)).toEqual(["system_context", "body", "actions"]);

    const page = await client.listPrompts({ phase: "identity_refinement" });
    expect(page.items.map((p) => p.version)).toEqual([3]); // v1 and v2 were skipped (invalid bodies)
    const one = await client.getPrompt(page.items[0]!.id);
    expect((await client.updatePrompt(one.id, { name: "Renamed" })).name).toBe("Renamed");
    const rolled = await client.rollbackPhase("introduction", 8);
    expect(rolled.deactivated.map((p) => p.version)).toEqual([9]);
    expect((await client.resolve({ phase: "introduction", context: { user_name: "Ada" } })).prompt.version).toBe(8);

    const made = await client.createPrompt({
      coachingPhase: "identity_affirmation",
      body: "Affirm {user_name}",
      requiredContextKeys: ["user_name"],
    });
    expect(made.version).toBe(1);
    expect((await client.catalog()).phases).toHaveLength(8);
    expect(await client.health()).toMatchObject({ status: "ok", db: "up" });
    const exported = JSON.parse(await client.exportPrompts({ format: "django", phase: "introduction", active: false }));
    expect(exported.map((r: { fields: { version: number } }) => r.fields.version)).toEqual([2, 5, 9]);
  });

  it("throws PromptManagerError with the API's code for refused requests", async () => {
    const refused = await client.importPrompts({ data, dryRun: false }).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(PromptManagerError);
    expect(refused).toMatchObject({
      code: "invalid_request",
      status: 400,
      details: { report: { counts: { identical: 34 } } },
    });
    await expect(client.resolve({ phase: "introduction", context: {} })).rejects.toMatchObject({
      code: "missing_context",
      status: 422,
    });
    await expect(client.getPrompt("00000000-0000-4000-8000-000000000000")).rejects.toMatchObject({
      code: "not_found",
      status: 404,
    });
  });
});

describe("client.releases", () => {
  it("opens a release with its checks, checks unsaved content, and releases (policy 0 in this file)", async () => {
    const made = await client.createPrompt({
      coachingPhase: "identity_warm_up",
      body: "Picture {user_name}",
      requiredContextKeys: ["user_name"],
    });
    const draft = await client.releases.checks(made.id, {
      body: "Picture {user_name} {{x}}",
      requiredContextKeys: [],
      allowedActions: [],
    });
    expect(draft).toMatchObject({ promptId: made.id, passed: true, results: [] });
    const opened = await client.releases.open({ phase: "identity_warm_up", version: made.version, note: "First" });
    expect(opened).toMatchObject({ status: "open", checks: { passed: true }, samples: [] });
    expect((await client.releases.get(opened.id)).productionVersion).toBe(opened.baseVersion);
    expect((await client.releases.release(opened.id)).status).toBe("released");
  });
});
