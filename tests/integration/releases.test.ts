import { beforeAll, describe, expect, it } from "vitest";
import * as collection from "@/app/api/prompts/route";
import * as resolve from "@/app/api/resolve/route";
import * as stagingRoute from "@/app/api/phases/[phase]/staging/route";
import * as releasesRoute from "@/app/api/releases/route";
import * as releaseItem from "@/app/api/releases/[id]/route";
import * as approve from "@/app/api/releases/[id]/approve/route";
import * as reject from "@/app/api/releases/[id]/reject/route";
import * as withdraw from "@/app/api/releases/[id]/withdraw/route";
import * as releaseNow from "@/app/api/releases/[id]/release/route";
import * as comments from "@/app/api/releases/[id]/comments/route";
import * as policy from "@/app/api/settings/release-policy/route";
import { db } from "@/lib/server/db/client";
import { seedDemoPrompts } from "@/lib/server/services/seed-service";
import { apiKey, signedInUser } from "../support/auth";
import { call } from "../support/http";

// Releases (#9), the "done when", through the route handlers on real PostgreSQL.
let a: Record<string, string>;
let b: Record<string, string>;
let viewer: Record<string, string>;
let admin: Record<string, string>;
let service: Record<string, string>;
beforeAll(async () => {
  await seedDemoPrompts({ onlyIfEmpty: true });
  a = (await signedInUser("designer")).headers;
  b = (await signedInUser("designer")).headers;
  viewer = (await signedInUser("viewer")).headers;
  admin = (await signedInUser("admin")).headers;
  service = (await apiKey(["resolve"])).headers;
});

const post = (handler: typeof approve.POST, h: Record<string, string>, id: string, body?: unknown) =>
  call(handler, { method: "POST", headers: h, params: { id }, body });
const resolveIntro = (channel?: string) =>
  call(resolve.POST, {
    method: "POST",
    headers: service,
    body: { phase: "introduction", context: { user_name: "Ada" }, ...(channel ? { channel } : {}) },
  });
const saveDraft = async (h: Record<string, string>, text: string) =>
  (
    await call(collection.POST, {
      method: "POST",
      headers: h,
      body: { coachingPhase: "introduction", body: `${text} {user_name}`, requiredContextKeys: ["user_name"] },
    })
  ).body;
const open = (h: Record<string, string>, version: number, note = "Warmer intro") =>
  call(releasesRoute.POST, { method: "POST", headers: h, body: { phase: "introduction", version, note } });

describe("a release from draft to production", () => {
  it("draft → staging → A opens, A cannot approve, B approves, release → production serves it", async () => {
    const production = (await resolveIntro()).body.prompt.version;
    const draft = await saveDraft(a, "Released for");
    expect((await resolveIntro()).body.prompt.version).toBe(production);

    await call(stagingRoute.PUT, {
      method: "PUT",
      headers: a,
      params: { phase: "introduction" },
      body: { version: draft.version },
    });
    expect((await resolveIntro("staging")).body.text).toContain("Released for Ada");
    expect((await resolveIntro()).body.prompt.version).toBe(production);

    const opened = await open(a, draft.version);
    expect(opened.status).toBe(201);
    expect(opened.body).toMatchObject({
      status: "open",
      targetVersion: draft.version,
      baseVersion: production,
      releasable: false,
    });
    const id = opened.body.id as string;

    const self = await post(approve.POST, a, id, {});
    expect([self.status, self.body.error.code]).toEqual([403, "forbidden"]);
    const early = await post(releaseNow.POST, a, id);
    expect([early.status, early.body.error.code]).toEqual([409, "conflict"]);
    const byViewer = await post(approve.POST, viewer, id, {});
    expect(byViewer.status).toBe(403);
    const comment = await post(comments.POST, viewer, id, { comment: "Reads well" });
    expect(comment.status).toBe(200);

    const approved = await post(approve.POST, b, id, { comment: "Good" });
    expect(approved.body).toMatchObject({ status: "approved", releasable: true });
    const released = await post(releaseNow.POST, a, id);
    expect(released.status).toBe(200);
    expect(released.body.status).toBe("released");
    const served = await resolveIntro();
    expect(served.body.prompt.version).toBe(draft.version);
    expect(served.body.text).toContain("Released for Ada");

    const event = await db().auditEvent.findFirstOrThrow({ where: { action: "release.release", targetId: id } });
    expect(event.after).toMatchObject({
      phase: "introduction",
      version: draft.version,
      productionBefore: production,
      productionAfter: draft.version,
      note: "Warmer intro",
    });
    const got = await call(releaseItem.GET, { headers: viewer, params: { id } });
    expect(got.body.reviews.map((r: { kind: string }) => r.kind)).toEqual(["comment", "approve", "release"]);
    const listed = await call(releasesRoute.GET, {
      headers: viewer,
      path: "/api/releases?phase=introduction&status=released",
    });
    expect(listed.body.items.map((r: { id: string }) => r.id)).toContain(id);
  });

  it("answers 409 conflict when production changed since the release was opened", async () => {
    const first = await saveDraft(a, "First");
    const second = await saveDraft(a, "Second");
    const r1 = (await open(a, first.version)).body;
    const r2 = (await open(a, second.version)).body;
    await post(approve.POST, b, r1.id, {});
    await post(approve.POST, b, r2.id, {});
    expect((await post(releaseNow.POST, a, r1.id)).status).toBe(200);
    const stale = await post(releaseNow.POST, a, r2.id);
    expect([stale.status, stale.body.error.code]).toEqual([409, "conflict"]);
    expect((await resolveIntro()).body.prompt.version).toBe(first.version);
  });

  it("lets the requester withdraw and a reviewer reject; others may not withdraw", async () => {
    const d = await saveDraft(a, "Withdrawn");
    const r = (await open(a, d.version)).body;
    expect((await post(withdraw.POST, b, r.id)).status).toBe(403);
    expect((await post(withdraw.POST, a, r.id)).body.status).toBe("withdrawn");
    const r2 = (await open(a, d.version)).body;
    expect((await post(reject.POST, b, r2.id, {})).status).toBe(400);
    expect((await post(reject.POST, b, r2.id, { comment: "Too long" })).body.status).toBe("rejected");
  });

  it("with requiredApprovals 0 the requester releases right after opening", async () => {
    await call(policy.PUT, { method: "PUT", headers: admin, body: { requiredApprovals: 0 } });
    try {
      const d = await saveDraft(a, "Quick");
      const r = (await open(a, d.version)).body;
      expect(r.releasable).toBe(true);
      expect((await post(releaseNow.POST, a, r.id)).body.status).toBe("released");
      expect((await resolveIntro()).body.prompt.version).toBe(d.version);
    } finally {
      await call(policy.PUT, { method: "PUT", headers: admin, body: { requiredApprovals: 1 } });
    }
  });
});
