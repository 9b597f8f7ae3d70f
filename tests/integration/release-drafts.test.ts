import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as collection from "@/app/api/prompts/route";
import * as item from "@/app/api/prompts/[id]/route";
import * as resolve from "@/app/api/resolve/route";
import * as rollback from "@/app/api/phases/[phase]/rollback/route";
import * as policy from "@/app/api/settings/release-policy/route";
import type { Caller } from "@/lib/server/auth/actor";
import { db } from "@/lib/server/db/client";
import { createPrompt } from "@/lib/server/services/prompt-service";
import { seedDemoPrompts } from "@/lib/server/services/seed-service";
import { signedInUser } from "../support/auth";
import { call } from "../support/http";

// Releases step 1 (#9): saving never serves by itself, unknown placeholders are refused on save, every
// version carries its change note, and the release policy decides whether a direct change may serve.
let designer: Awaited<ReturnType<typeof signedInUser>>;
let admin: Awaited<ReturnType<typeof signedInUser>>;
let viewer: Awaited<ReturnType<typeof signedInUser>>;
const raw = new pg.Client({ connectionString: process.env.DATABASE_URL });
beforeAll(async () => {
  await seedDemoPrompts({ onlyIfEmpty: true });
  [designer, admin, viewer] = await Promise.all([
    signedInUser("designer"),
    signedInUser("admin"),
    signedInUser("viewer"),
  ]);
  await raw.connect();
});
afterAll(() => raw.end());

const intro = { phase: "introduction", context: { user_name: "Ada" } };
const resolveAs = (h: Record<string, string>, body: unknown = intro) =>
  call(resolve.POST, { method: "POST", headers: h, body });
const save = (h: Record<string, string>, body: Record<string, unknown>) =>
  call(collection.POST, {
    method: "POST",
    headers: h,
    body: { coachingPhase: "introduction", body: "Draft for {user_name}", requiredContextKeys: ["user_name"], ...body },
  });
const setPolicy = (requiredApprovals: number, h = admin.headers) =>
  call(policy.PUT, { method: "PUT", headers: h, body: { requiredApprovals } });

describe("saving never serves by itself (policy requiredApprovals: 1, the default)", () => {
  it("saves a draft through the API that a production resolve does not serve", async () => {
    const serving = (await resolveAs(designer.headers)).body.prompt.version;
    const draft = await save(designer.headers, { changeNote: "Warmer greeting" });
    expect(draft.status).toBe(201);
    expect(draft.body).toMatchObject({ isActive: false, changeNote: "Warmer greeting" });
    const after = await resolveAs(designer.headers);
    expect(after.body.prompt.version).toBe(serving);
    expect(after.body.text).not.toContain("Draft for Ada");
  });

  it("answers 409 review_required to isActive: true, saying what to do instead, and saves nothing", async () => {
    const before = await db().prompt.count({ where: { coachingPhase: "introduction" } });
    const res = await save(designer.headers, { isActive: true });
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe("review_required");
    expect(res.body.error.message).toContain("POST /api/releases");
    expect(await db().prompt.count({ where: { coachingPhase: "introduction" } })).toBe(before);
  });

  it("answers 409 review_required to PATCH {isActive} and a plain rollback, and changes nothing", async () => {
    const draft = await save(designer.headers, {});
    const patch = await call(item.PATCH, {
      method: "PATCH",
      headers: designer.headers,
      params: { id: draft.body.id },
      body: { isActive: true, name: "Renamed too" },
    });
    expect([patch.status, patch.body.error.code]).toEqual([409, "review_required"]);
    expect((await call(item.GET, { headers: designer.headers, params: { id: draft.body.id } })).body).toEqual(
      draft.body,
    );
    // Renaming alone is not a production change.
    const renamed = await call(item.PATCH, {
      method: "PATCH",
      headers: designer.headers,
      params: { id: draft.body.id },
      body: { name: "Renamed" },
    });
    expect(renamed.status).toBe(200);

    const plain = await call(rollback.POST, {
      method: "POST",
      headers: admin.headers,
      params: { phase: "introduction" },
      body: { toVersion: 1 },
    });
    expect([plain.status, plain.body.error.code]).toEqual([409, "review_required"]);
    expect(plain.body.error.message).toContain("emergency: true");
  });

  it("lets an admin roll back in an emergency, at once, audited as one; others may not", async () => {
    const phase = "identity_warm_up";
    const served = (await resolveAs(admin.headers, { phase, context: {} })).body.prompt?.version;
    const byDesigner = await call(rollback.POST, {
      method: "POST",
      headers: designer.headers,
      params: { phase },
      body: { toVersion: 1, emergency: true, note: "broken" },
    });
    expect(byDesigner.status).toBe(403);
    const noNote = await call(rollback.POST, {
      method: "POST",
      headers: admin.headers,
      params: { phase },
      body: { toVersion: 1, emergency: true },
    });
    expect(noNote.status).toBe(400);

    const v2 = await createPrompt(systemAdmin(), {
      coachingPhase: phase,
      body: "Second warm-up",
    });
    await db().prompt.update({ where: { id: v2.id }, data: { isActive: true } }); // production moved on
    const res = await call(rollback.POST, {
      method: "POST",
      headers: { ...admin.headers, "x-request-id": "emergency-1" },
      params: { phase },
      body: { toVersion: served ?? 1, emergency: true, note: "v2 answers in the wrong language" },
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ servingVersion: served ?? 1, emergency: true });
    expect(res.body.deactivated.map((p: { version: number }) => p.version)).toEqual([v2.version]);
    const audit = await db().auditEvent.findMany({ where: { requestId: "emergency-1" } });
    expect(audit).toMatchObject([
      {
        action: "phase.emergency_rollback",
        actorId: admin.user.id,
        targetId: phase,
        after: { emergency: true, note: "v2 answers in the wrong language", deactivatedVersions: [v2.version] },
      },
    ]);
  });
});

describe("placeholders that are not catalog context keys", () => {
  it("are refused with 422 invalid_template naming the placeholder, from the API and the editor's service", async () => {
    const api = await save(designer.headers, { body: "Hi {user_name}, your {favourite_color}?" });
    expect(api.status).toBe(422);
    expect(api.body.error.code).toBe("invalid_template");
    expect(api.body.error.message).toContain("{favourite_color}");
    expect(api.body.error.details.unknownKeys).toEqual([{ key: "favourite_color", line: 1, column: 22 }]);
    // The editor's server action calls the same service with the signed-in user.
    const ui = createPrompt(userCaller(designer), { coachingPhase: "introduction", body: "{favourite_color}" });
    await expect(ui).rejects.toMatchObject({ code: "invalid_template" });
  });
});

describe("change notes", () => {
  it("are kept with the version and cannot change in place", async () => {
    const made = await save(designer.headers, { changeNote: "  Shorter intro  " });
    expect(made.body.changeNote).toBe("Shorter intro");
    const patch = await call(item.PATCH, {
      method: "PATCH",
      headers: designer.headers,
      params: { id: made.body.id },
      body: { changeNote: "rewritten history" },
    });
    expect([patch.status, patch.body.error.code]).toEqual([409, "immutable_field"]);
    await expect(raw.query("UPDATE prompts SET change_note = 'x' WHERE id = $1", [made.body.id])).rejects.toThrow(
      /immutable/,
    );
    const audit = await db().auditEvent.findFirstOrThrow({ where: { targetId: made.body.id } });
    expect(audit.after).toMatchObject({ changeNote: "Shorter intro", isActive: false });
  });
});

describe("the release policy", () => {
  it("is read by anyone who reads prompts, changed by admins only, and audited", async () => {
    expect((await call(policy.GET, { headers: viewer.headers })).body).toMatchObject({ requiredApprovals: 1 });
    expect((await setPolicy(0, designer.headers)).status).toBe(403);
    expect((await setPolicy(2)).status).toBe(400);
    const set = await setPolicy(0);
    expect(set.status).toBe(200);
    expect(set.body.requiredApprovals).toBe(0);
    const event = await db().auditEvent.findFirstOrThrow({ where: { action: "release_policy.update" } });
    expect(event).toMatchObject({
      actorId: admin.user.id,
      before: { requiredApprovals: 1 },
      after: { requiredApprovals: 0 },
    });
  });

  it("with 0 approvals, isActive: true on create serves at once", async () => {
    await setPolicy(0);
    try {
      const made = await save(designer.headers, { body: "Served at once for {user_name}", isActive: true });
      expect(made.status).toBe(201);
      expect(made.body.isActive).toBe(true);
      const served = await resolveAs(designer.headers);
      expect(served.body.prompt.version).toBe(made.body.version);
      expect(served.body.text).toContain("Served at once for Ada");
    } finally {
      await setPolicy(1);
    }
  });
});

function userCaller(u: typeof designer): Caller {
  return {
    actor: { kind: "user", id: u.user.id, email: u.user.email, name: u.user.name, role: u.user.role },
    requestId: "test",
  };
}
function systemAdmin(): Caller {
  return { actor: { kind: "system", name: "test" }, requestId: "test" };
}
