import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as prompts from "@/app/api/prompts/route";
import * as promptItem from "@/app/api/prompts/[id]/route";
import * as rollback from "@/app/api/phases/[phase]/rollback/route";
import * as users from "@/app/api/users/route";
import * as userItem from "@/app/api/users/[id]/route";
import * as keys from "@/app/api/api-keys/route";
import * as keyItem from "@/app/api/api-keys/[id]/route";
import * as audit from "@/app/api/audit/route";
import * as actionItem from "@/app/api/actions/[type]/route";
import * as instructionItem from "@/app/api/action-instructions/[id]/route";
import { db } from "@/lib/server/db/client";
import { signedInUser } from "../support/auth";
import { call } from "../support/http";
import { serveOnSave } from "../support/serving";

let admin: { user: { id: string; email: string }; headers: Record<string, string> };
let raw: pg.Client;
beforeAll(async () => {
  await serveOnSave(); // activate, deactivate and rollback below change production directly
  admin = await signedInUser("admin");
  raw = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await raw.connect();
});
afterAll(() => raw.end());

/** Runs a mutation and returns the audit events it wrote (by its request id). */
async function eventsOf(run: (h: Record<string, string>) => Promise<{ status: number; body: any }>, requestId: string) {
  const res = await run({ ...admin.headers, "x-request-id": requestId });
  expect(res.status, JSON.stringify(res.body)).toBeLessThan(300);
  return { res, events: await db().auditEvent.findMany({ where: { requestId } }) };
}

describe("audit log", () => {
  it("records exactly one event per mutation, with actor, target, before/after and request id", async () => {
    const created = await eventsOf(
      (h) =>
        call(prompts.POST, {
          method: "POST",
          headers: h,
          body: { coachingPhase: "identity_affirmation", body: "a", isActive: true },
        }),
      "a1",
    );
    expect(created.events).toHaveLength(1);
    expect(created.events[0]).toMatchObject({
      action: "prompt.create",
      actorType: "user",
      actorId: admin.user.id,
      actorLabel: admin.user.email,
      targetType: "prompt",
      targetId: created.res.body.id,
    });
    const id = created.res.body.id;
    await call(prompts.POST, {
      method: "POST",
      headers: admin.headers,
      body: { coachingPhase: "identity_affirmation", body: "b", isActive: true },
    });

    const steps: [string, (h: Record<string, string>) => Promise<any>][] = [
      [
        "prompt.update",
        (h) => call(promptItem.PATCH, { method: "PATCH", headers: h, params: { id }, body: { name: "n" } }),
      ],
      [
        "prompt.deactivate",
        (h) => call(promptItem.PATCH, { method: "PATCH", headers: h, params: { id }, body: { isActive: false } }),
      ],
      [
        "prompt.activate",
        (h) => call(promptItem.PATCH, { method: "PATCH", headers: h, params: { id }, body: { isActive: true } }),
      ],
      [
        "phase.rollback",
        (h) =>
          call(rollback.POST, {
            method: "POST",
            headers: h,
            params: { phase: "identity_affirmation" },
            body: { toVersion: 1 },
          }),
      ],
      [
        "user.create",
        (h) =>
          call(users.POST, {
            method: "POST",
            headers: h,
            body: { email: "audited@example.test", password: "twelve chars ok" },
          }),
      ],
      [
        "api_key.create",
        (h) => call(keys.POST, { method: "POST", headers: h, body: { name: "k", scopes: ["resolve"] } }),
      ],
    ];
    for (const [i, [action, run]] of steps.entries()) {
      const { events } = await eventsOf(run, `s${i}`);
      expect(events.map((e) => e.action)).toEqual([action]);
    }
    const rolled = await db().auditEvent.findFirstOrThrow({ where: { requestId: "s3" } });
    expect(rolled).toMatchObject({
      targetType: "phase",
      targetId: "identity_affirmation",
      before: { servingVersion: 2 },
      after: { servingVersion: 1, deactivatedVersions: [2] },
    });
    const user = await db().user.findFirstOrThrow({ where: { email: "audited@example.test" } });
    expect(
      (
        await eventsOf(
          (h) =>
            call(userItem.PATCH, { method: "PATCH", headers: h, params: { id: user.id }, body: { disabled: true } }),
          "u1",
        )
      ).events.map((e) => e.action),
    ).toEqual(["user.disable"]);
    const key = await db().apiKey.findFirstOrThrow({ where: { name: "k" } });
    expect(
      (
        await eventsOf((h) => call(keyItem.DELETE, { method: "DELETE", headers: h, params: { id: key.id } }), "k1")
      ).events.map((e) => e.action),
    ).toEqual(["api_key.revoke"]);
  });

  it("writes one event per real change: no-op PATCHes write nothing, parallel identical changes one", async () => {
    const made = await call(prompts.POST, {
      method: "POST",
      headers: admin.headers,
      body: { coachingPhase: "identity_visualization", name: "Same", description: "d", body: "x", isActive: true },
    });
    const id = made.body.id;
    const patch = (body: unknown, requestId: string) =>
      call(promptItem.PATCH, {
        method: "PATCH",
        headers: { ...admin.headers, "x-request-id": requestId },
        params: { id },
        body,
      });
    const countOf = (where: object) => db().auditEvent.count({ where: { targetId: id, ...where } });
    const eventsBefore = await countOf({});

    for (const [i, body] of [{}, { name: "Same", description: "d", isActive: true }, { name: "Same" }].entries()) {
      const res = await patch(body, `noop${i}`);
      expect(res.status).toBe(200);
      expect(res.body).toEqual(made.body); // the unchanged row, updatedAt included
    }
    expect(await countOf({})).toBe(eventsBefore);

    const parallel = await Promise.all(Array.from({ length: 10 }, (_, i) => patch({ isActive: false }, `par${i}`)));
    expect(parallel.map((r) => r.status)).toEqual(Array(10).fill(200));
    expect(parallel.every((r) => r.body.isActive === false)).toBe(true);
    expect(await countOf({ action: "prompt.deactivate" })).toBe(1);
    await Promise.all(Array.from({ length: 10 }, (_, i) => patch({ name: "Renamed" }, `ren${i}`)));
    expect(await countOf({ action: "prompt.update" })).toBe(1);

    const user = await call(users.POST, {
      method: "POST",
      headers: admin.headers,
      body: { email: "noop@example.test", password: "twelve chars ok", role: "viewer" },
    });
    const patchUser = (body: unknown) =>
      call(userItem.PATCH, { method: "PATCH", headers: admin.headers, params: { id: user.body.id }, body });
    expect((await patchUser({ role: "viewer", disabled: false })).body).toEqual(user.body);
    await Promise.all(Array.from({ length: 10 }, () => patchUser({ disabled: true })));
    const userEvents = await db().auditEvent.findMany({ where: { targetId: user.body.id } });
    expect(userEvents.map((e) => e.action)).toEqual(["user.create", "user.disable"]);

    const key = await call(keys.POST, {
      method: "POST",
      headers: admin.headers,
      body: { name: "once", scopes: ["resolve"] },
    });
    const keyId = key.body.apiKey.id;
    await Promise.all(
      Array.from({ length: 10 }, () =>
        call(keyItem.DELETE, { method: "DELETE", headers: admin.headers, params: { id: keyId } }),
      ),
    );
    expect(await db().auditEvent.count({ where: { targetId: keyId, action: "api_key.revoke" } })).toBe(1);

    const wording = await call(actionItem.POST, {
      method: "POST",
      headers: admin.headers,
      params: { type: "add_user_note" },
      body: { instruction: "Remember what matters." },
    });
    const wordingId = wording.body.id;
    await Promise.all(
      Array.from({ length: 10 }, () =>
        call(instructionItem.PATCH, {
          method: "PATCH",
          headers: admin.headers,
          params: { id: wordingId },
          body: { isActive: true },
        }),
      ),
    );
    expect(await db().auditEvent.count({ where: { targetId: wordingId, action: "action_instruction.activate" } })).toBe(
      1,
    );
  });

  it("is written in the change's own transaction: a failure after the write leaves neither", async () => {
    // Make the audit insert itself fail, after the prompt row was written in the same transaction.
    await raw.query(`CREATE FUNCTION fail_audit() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN IF NEW.after->>'name' = 'boom' THEN RAISE EXCEPTION 'forced failure'; END IF; RETURN NEW; END $$`);
    await raw.query(
      `CREATE TRIGGER fail_audit BEFORE INSERT ON audit_events FOR EACH ROW EXECUTE FUNCTION fail_audit()`,
    );
    try {
      const before = await db().prompt.count();
      const res = await call(prompts.POST, {
        method: "POST",
        headers: { ...admin.headers, "x-request-id": "boom" },
        body: { coachingPhase: "identity_visualization", name: "boom", body: "x" },
      });
      expect(res.status).toBe(500);
      expect(await db().prompt.count()).toBe(before);
      expect(await db().auditEvent.count({ where: { requestId: "boom" } })).toBe(0);
    } finally {
      await raw.query(`DROP TRIGGER fail_audit ON audit_events; DROP FUNCTION fail_audit()`);
    }
  });

  it("cannot be changed, deleted or truncated, even with raw SQL", async () => {
    await expect(raw.query(`UPDATE audit_events SET action = 'x'`)).rejects.toThrow(/append-only/);
    await expect(raw.query(`DELETE FROM audit_events`)).rejects.toThrow(/append-only/);
    await expect(raw.query(`TRUNCATE audit_events`)).rejects.toThrow(/append-only/);
  });

  it("is readable by admins, filtered and paginated", async () => {
    const page1 = await call(audit.GET, { headers: admin.headers, path: `/api/audit?actor=${admin.user.id}&limit=3` });
    expect(page1.status).toBe(200);
    expect(page1.body.items).toHaveLength(3);
    expect(page1.body.items.every((e: { actorId: string }) => e.actorId === admin.user.id)).toBe(true);
    const page2 = await call(audit.GET, {
      headers: admin.headers,
      path: `/api/audit?actor=${admin.user.id}&limit=3&before=${page1.body.nextCursor}`,
    });
    expect(Number(page2.body.items[0].id)).toBeLessThan(Number(page1.body.items[2].id));
    expect((await call(audit.GET, { headers: admin.headers, path: "/api/audit?before=abc" })).status).toBe(400);
  });

  it("filters by time: since (inclusive) and until (exclusive), ISO date-times only", async () => {
    const all = await call(audit.GET, { headers: admin.headers, path: "/api/audit?limit=200" });
    const newest = all.body.items[0] as { createdAt: string };
    const at = encodeURIComponent(newest.createdAt);
    const since = await call(audit.GET, { headers: admin.headers, path: `/api/audit?since=${at}&limit=200` });
    expect(since.body.items.length).toBeGreaterThan(0);
    expect(since.body.items.every((e: { createdAt: string }) => e.createdAt >= newest.createdAt)).toBe(true);
    const until = await call(audit.GET, { headers: admin.headers, path: `/api/audit?until=${at}&limit=200` });
    expect(until.body.items.every((e: { createdAt: string }) => e.createdAt < newest.createdAt)).toBe(true);
    const future = encodeURIComponent(new Date(Date.now() + 3_600_000).toISOString());
    expect((await call(audit.GET, { headers: admin.headers, path: `/api/audit?since=${future}` })).body.items).toEqual(
      [],
    );
    const bad = await call(audit.GET, { headers: admin.headers, path: "/api/audit?since=yesterday" });
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toContain("since");
  });
});
