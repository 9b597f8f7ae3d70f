import { beforeAll, describe, expect, it } from "vitest";
import type { Caller } from "@/lib/server/auth/actor";
import { db } from "@/lib/server/db/client";
import { servingOverview } from "@/lib/server/services/overview-service";
import { getLatestVersion, listPhaseVersions } from "@/lib/server/services/phase-service";
import { previewPrompt } from "@/lib/server/services/preview-service";
import { createPrompt, updatePrompt } from "@/lib/server/services/prompt-service";
import { rollbackPhase } from "@/lib/server/services/rollback-service";
import {
  deleteSampleContext,
  listSampleContexts,
  saveSampleContext,
} from "@/lib/server/services/sample-context-service";
import { seedDemoPrompts } from "@/lib/server/services/seed-service";
import { versionTablePage } from "@/lib/server/services/version-table-service";
import { signedInUser } from "../support/auth";
import { serveOnSave } from "../support/serving";

// The services behind the authoring UI's pages and server actions, called as the UI calls them.
const callerFor = async (role: "designer" | "viewer"): Promise<Caller> => {
  const { user } = await signedInUser(role);
  return { actor: { kind: "user", id: user.id, email: user.email, name: user.name, role }, requestId: `test-${role}` };
};
let designer: Caller;
let viewer: Caller;
beforeAll(async () => {
  designer = await callerFor("designer");
  viewer = await callerFor("viewer");
  await seedDemoPrompts({ onlyIfEmpty: true });
  await serveOnSave(); // these services predate releases: saves and rollbacks serve directly here
});

const draft = { body: "Hello {user_name}", requiredContextKeys: ["user_name"] };

describe("saving a version from the editor", () => {
  it("refuses with 409 conflict and the newer version when someone saved after the author started", async () => {
    const start = await getLatestVersion(designer, "identity_affirmation");
    const other = await createPrompt(designer, {
      ...draft,
      coachingPhase: "identity_affirmation",
      name: "Someone else",
    });
    const stale = createPrompt(
      designer,
      { ...draft, coachingPhase: "identity_affirmation" },
      { expectedLatestVersion: start?.version ?? null },
    );
    await expect(stale).rejects.toMatchObject({
      code: "conflict",
      details: { latest: { version: other.version, name: "Someone else" } },
    });
    const confirmed = await createPrompt(
      designer,
      { ...draft, coachingPhase: "identity_affirmation" },
      { expectedLatestVersion: other.version },
    );
    expect(confirmed.version).toBe(other.version + 1);
  });

  it("lists versions newest first", async () => {
    const made = await createPrompt(designer, { ...draft, coachingPhase: "identity_refinement", isActive: true });
    await updatePrompt(designer, made.id, { isActive: false });
    const versions = await listPhaseVersions(viewer, "identity_refinement");
    expect(versions[0]).toMatchObject({ version: made.version, isActive: false });
    expect(versions.map((v) => v.version)).toEqual([...versions.map((v) => v.version)].sort((a, b) => b - a));
  });
});

describe("phase overview", () => {
  it("names who made each phase's latest change, rollbacks included", async () => {
    const v = await createPrompt(designer, { ...draft, coachingPhase: "identity_warm_up" });
    await rollbackPhase(designer, "identity_warm_up", { toVersion: v.version - 1 });
    const row = (await servingOverview(viewer)).find((r) => r.phase === "identity_warm_up");
    expect(row).toMatchObject({
      lastChangeBy: (designer.actor as { email: string }).email,
      lastChangeAction: "phase.rollback",
      servingVersion: v.version - 1,
    });
    const sentinel = (await servingOverview(viewer)).find((r) => r.phase === null);
    expect(sentinel?.lastChangeBy).toBe("demo seed"); // seeded by the system
  });
});

describe("versions table", () => {
  it("filters, searches bodies case-insensitively, sorts and pages from URL parameters", async () => {
    for (let i = 0; i < 5; i++)
      await createPrompt(designer, {
        coachingPhase: "get_to_know_you",
        body: `Needle${i} {user_name}`,
        requiredContextKeys: ["user_name"],
        isActive: i !== 2,
      });
    const page1 = await versionTablePage(viewer, { q: "needle", sort: "version", dir: "asc", size: "25", page: "1" });
    expect(page1.total).toBe(5);
    expect(page1.items.map((i) => i.version)).toEqual([...page1.items.map((i) => i.version)].sort((a, b) => a - b));
    const inactive = await versionTablePage(viewer, { q: "NEEDLE", active: "false" });
    expect(inactive.items).toHaveLength(1);
    const paged = await versionTablePage(viewer, { phase: "get_to_know_you", size: "25", page: "2" });
    expect(paged.query.page).toBe(2);
    expect(paged.items).toEqual([]);
    expect(paged.pageCount).toBe(1);
    // A hand-edited URL falls back to defaults instead of failing the page.
    const odd = await versionTablePage(viewer, {
      phase: "outro",
      sort: "body",
      size: "7",
      page: "-3",
      active: "maybe",
    });
    expect(odd.query).toMatchObject({
      phase: undefined,
      sort: "createdAt",
      dir: "desc",
      size: 25,
      page: 1,
      active: undefined,
    });
  });

  it("caps the match count of very common search words at 1,000 and treats % and _ literally", async () => {
    await db().$executeRawUnsafe(`INSERT INTO prompts (coaching_phase, version, body, is_active)
      SELECT 'system_context', 100 + g, 'Capped needle ' || g || ' at 50% off', false FROM generate_series(1, 1005) g`);
    const page = await versionTablePage(viewer, { q: "CAPPED needle", size: "100" });
    expect(page).toMatchObject({ total: 1000, capped: true, pageCount: 10 });
    expect(page.items).toHaveLength(100);
    expect((await versionTablePage(viewer, { q: "needle 7 at 50%" })).total).toBe(1);
    expect((await versionTablePage(viewer, { q: "needle 7 at 5_%" })).total).toBe(0);
  });

  it("searches bodies through the trigram index once the table is large", async () => {
    // A test database is small, so the planner would rightly scan it; forbid that to see the index is usable.
    const plan = await db().$transaction(async (tx) => {
      await tx.$executeRawUnsafe(`SET LOCAL enable_seqscan = off`);
      return tx.$queryRawUnsafe<{ "QUERY PLAN": string }[]>(
        `EXPLAIN SELECT id FROM prompts WHERE body ILIKE '%needle%'`,
      );
    });
    expect(plan.map((r) => r["QUERY PLAN"]).join("\n")).toContain("idx_prompts_body_trgm");
  });
});

describe("sample contexts", () => {
  it("viewers save by name (create, then update), list per phase, and delete; every change is audited", async () => {
    const first = await saveSampleContext(viewer, {
      phase: "introduction",
      name: "New user",
      values: { user_name: "Ada" },
    });
    expect(first.created).toBe(true);
    const again = await saveSampleContext(viewer, {
      phase: "introduction",
      name: " New user ",
      values: { user_name: "Grace" },
    });
    expect(again).toMatchObject({ created: false, sample: { id: first.sample.id, values: { user_name: "Grace" } } });
    await saveSampleContext(viewer, { phase: null, name: "New user", values: { current_message: "Hi" } });
    expect((await listSampleContexts(viewer, "introduction")).map((s) => s.name)).toEqual(["New user"]);
    await deleteSampleContext(designer, first.sample.id);
    expect(await listSampleContexts(viewer, "introduction")).toEqual([]);
    const actions = await db().auditEvent.findMany({ where: { targetId: first.sample.id }, orderBy: { id: "asc" } });
    expect(actions.map((a) => a.action)).toEqual([
      "sample_context.create",
      "sample_context.update",
      "sample_context.delete",
    ]);
    expect(actions[2]?.before).toMatchObject({ values: { user_name: "Grace" } });
  });

  it("remembers the provider a sample was saved with; saving without one keeps it", async () => {
    const saved = await saveSampleContext(viewer, {
      phase: "introduction",
      name: "Claude user",
      values: { user_name: "Ada" },
      provider: "anthropic",
    });
    expect(saved.sample.provider).toBe("anthropic");
    const listed = await listSampleContexts(viewer, "introduction");
    expect(listed.find((s) => s.name === "Claude user")?.provider).toBe("anthropic");
    const kept = await saveSampleContext(viewer, { phase: "introduction", name: "Claude user", values: {} });
    expect(kept.sample.provider).toBe("anthropic");
    const moved = await saveSampleContext(viewer, {
      phase: "introduction",
      name: "Claude user",
      values: {},
      provider: "openai",
    });
    expect(moved.sample.provider).toBe("openai");
    const plain = await saveSampleContext(viewer, { phase: "introduction", name: "No provider", values: {} });
    expect(plain.sample.provider).toBeNull();
    const audit = await db().auditEvent.findFirst({
      where: { targetId: saved.sample.id, action: "sample_context.update" },
      orderBy: { id: "desc" },
    });
    expect(audit?.before).toMatchObject({ provider: "anthropic" });
    expect(audit?.after).toMatchObject({ provider: "openai" });
    await expect(
      saveSampleContext(viewer, { phase: "introduction", name: "x", values: {}, provider: "gemini" }),
    ).rejects.toMatchObject({ code: "invalid_request" });
    // The database holds the same rule for writes from elsewhere.
    await expect(
      db().$executeRaw`UPDATE sample_contexts SET provider = 'gemini' WHERE id = ${saved.sample.id}::uuid`,
    ).rejects.toThrow(/sample_contexts_provider_check/);
    await deleteSampleContext(viewer, saved.sample.id);
    await deleteSampleContext(viewer, plain.sample.id);
  });

  it("refuses unknown keys, blank names and anonymous callers", async () => {
    await expect(
      saveSampleContext(viewer, { phase: "introduction", name: "x", values: { username: "Ada" } }),
    ).rejects.toMatchObject({ code: "invalid_request" });
    await expect(saveSampleContext(viewer, { phase: "introduction", name: "  ", values: {} })).rejects.toMatchObject({
      code: "invalid_request",
    });
    await expect(listSampleContexts({ actor: { kind: "anonymous" }, requestId: "t" }, null)).rejects.toMatchObject({
      code: "unauthenticated",
    });
  });
});

describe("preview", () => {
  it("assembles unsaved editor content and pinned inactive versions like resolve, and lists missing keys", async () => {
    const latest = await getLatestVersion(designer, "introduction");
    const drafted = await previewPrompt(viewer, {
      phase: "introduction",
      version: latest!.version,
      context: { user_name: "Ada", user_notes: "" },
      draft: { body: "Draft for {user_name}", requiredContextKeys: ["user_name"], allowedActions: [] },
    });
    expect(drafted.sections.map((s) => s.kind)).toEqual(["system_context", "body"]);
    expect(drafted.text).toContain("Draft for Ada");
    const off = await createPrompt(designer, {
      coachingPhase: "introduction",
      body: "Off {user_name}",
      requiredContextKeys: ["user_name"],
      isActive: false,
    });
    const pinned = await previewPrompt(viewer, {
      phase: "introduction",
      version: off.version,
      context: { user_name: "Bo" },
      provider: "anthropic",
    });
    expect(pinned.text).toContain("Off Bo");
    await expect(previewPrompt(viewer, { phase: "introduction", context: { user_name: "" } })).rejects.toMatchObject({
      code: "missing_context",
      details: { missing: ["user_name"] },
    });
  });
});
