import { beforeAll, describe, expect, it } from "vitest";
import * as importRoute from "@/app/api/import/route";
import * as resolveRoute from "@/app/api/resolve/route";
import { NATIVE_FORMAT, NATIVE_FORMAT_VERSION } from "@/lib/domain/schemas/prompt-files";
import { db } from "@/lib/server/db/client";
import { apiKey, signedInUser } from "../support/auth";
import { call } from "../support/http";
import { serveOnSave, requireApproval } from "../support/serving";

// #9: an import may set up production for a phase that has none; one that would change an existing
// production version needs an admin (while releases require approval), and its report says which.
let designer: Record<string, string>;
let admin: Record<string, string>;
let resolver: Record<string, string>;
beforeAll(async () => {
  designer = (await signedInUser("designer")).headers;
  admin = (await signedInUser("admin")).headers;
  resolver = (await apiKey(["resolve"])).headers;
});

const row = (coachingPhase: string | null, version: number, body: string, isActive = true, promptType = "coach") => ({
  id: crypto.randomUUID(),
  coachingPhase,
  version,
  body,
  isActive,
  promptType,
  name: null,
  description: null,
  requiredContextKeys: [],
  allowedActions: [],
  createdAt: "2026-01-01T00:00:00.000Z",
  updatedAt: "2026-01-01T00:00:00.000Z",
});
const file = (...prompts: ReturnType<typeof row>[]) => ({
  format: NATIVE_FORMAT,
  formatVersion: NATIVE_FORMAT_VERSION,
  prompts,
});
const importAs = (headers: Record<string, string>, data: unknown, dryRun = false) =>
  call(importRoute.POST, { method: "POST", headers, body: { data, dryRun } });
const served = async (phase: string) =>
  (
    await call(resolveRoute.POST, {
      method: "POST",
      headers: resolver,
      body: { phase, context: { user_name: "Ada" } },
    })
  ).body.prompt?.version;

describe("imports and production", () => {
  it("a designer may set up production for phases that have none; the report lists them", async () => {
    const res = await importAs(designer, file(row("introduction", 1, "Hi"), row("get_to_know_you", 2, "Tell me")));
    expect(res.status).toBe(200);
    expect(res.body.productionChanges).toEqual([
      { phase: "get_to_know_you", promptType: null, from: null, to: 2 },
      { phase: "introduction", promptType: null, from: null, to: 1 },
    ]);
    expect(await served("introduction")).toBe(1);
  });

  it("a dry run reports a change of existing production, and a designer's apply is refused writing nothing", async () => {
    const data = file(row("introduction", 2, "Hello again"), row("introduction", 3, "Draft", false));
    const dry = await importAs(designer, data, true);
    expect(dry.body.productionChanges).toEqual([{ phase: "introduction", promptType: null, from: 1, to: 2 }]);
    const before = await db().prompt.count();
    const refused = await importAs(designer, data);
    expect([refused.status, refused.body.error.code]).toEqual([403, "forbidden"]);
    expect(refused.body.error.message).toContain("introduction v1 → v2");
    expect(await db().prompt.count()).toBe(before);
    expect(await served("introduction")).toBe(1);
  });

  it("inactive rows (drafts to release later) and rows below production import for a designer", async () => {
    const res = await importAs(designer, file(row("introduction", 4, "Later", false)));
    expect([res.status, res.body.productionChanges]).toEqual([200, []]);
  });

  it("an admin applies a change of production, and the audit event records it", async () => {
    const res = await importAs(admin, file(row("introduction", 5, "Admin's import")));
    expect(res.status).toBe(200);
    expect(await served("introduction")).toBe(5);
    const event = await db().auditEvent.findFirstOrThrow({
      where: { action: "prompt.import" },
      orderBy: { id: "desc" },
    });
    expect(event.after).toMatchObject({ productionChanges: [{ phase: "introduction", from: 1, to: 5 }] });
  });

  it("each phase-less type has its own production", async () => {
    await importAs(designer, file(row(null, 1, "Watch", true, "sentinel")));
    const res = await importAs(designer, file(row(null, 2, "System", true, "system")));
    expect([res.status, res.body.productionChanges]).toEqual([
      200,
      [{ phase: null, promptType: "system", from: null, to: 2 }],
    ]);
    expect((await importAs(designer, file(row(null, 3, "Watch more", true, "sentinel")))).status).toBe(403);
  });

  it("with requiredApprovals 0 a designer may change production by import, as by any direct path", async () => {
    await serveOnSave();
    try {
      expect((await importAs(designer, file(row("introduction", 6, "Quick")))).status).toBe(200);
      expect(await served("introduction")).toBe(6);
    } finally {
      await requireApproval();
    }
  });
});
