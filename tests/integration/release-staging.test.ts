import { beforeAll, describe, expect, it } from "vitest";
import * as collection from "@/app/api/prompts/route";
import * as resolve from "@/app/api/resolve/route";
import * as stagingRoute from "@/app/api/phases/[phase]/staging/route";
import { promptCacheListening } from "@/lib/server/cache/prompt-cache";
import { db } from "@/lib/server/db/client";
import { seedDemoPrompts } from "@/lib/server/services/seed-service";
import { apiKey, signedInUser } from "../support/auth";
import { call } from "../support/http";
import { waitFor } from "../support/wait";

// Releases step 2 (#9): the staging channel, through HTTP (route handlers) on real PostgreSQL.
let designer: Record<string, string>;
let viewer: Record<string, string>;
let service: Record<string, string>;
beforeAll(async () => {
  await seedDemoPrompts({ onlyIfEmpty: true });
  designer = (await signedInUser("designer")).headers;
  viewer = (await signedInUser("viewer")).headers;
  service = (await apiKey(["resolve"])).headers;
  await waitFor("the change listener", () => promptCacheListening() === true);
});

const resolveAs = (body: Record<string, unknown>) =>
  call(resolve.POST, { method: "POST", headers: service, body: { context: { user_name: "Ada" }, ...body } });
const stage = (phase: string, body: unknown, h = designer) =>
  call(stagingRoute.PUT, { method: "PUT", headers: h, params: { phase }, body });

describe("the staging channel", () => {
  it("serves a draft on staging after PUT …/staging while production does not; DELETE falls back", async () => {
    const draft = await call(collection.POST, {
      method: "POST",
      headers: designer,
      body: { coachingPhase: "introduction", body: "Candidate for {user_name}", requiredContextKeys: ["user_name"] },
    });
    expect(draft.body.isActive).toBe(false);

    // No staging version yet: staging serves production, and says so.
    const before = await resolveAs({ phase: "introduction", channel: "staging" });
    expect(before.headers.get("x-prompt-channel")).toBe("production");
    const production = before.body.prompt.version;
    expect(production).not.toBe(draft.body.version);

    const set = await stage("INTRODUCTION", { version: draft.body.version }, { ...designer, "x-request-id": "st-1" });
    expect(set.status).toBe(200);
    expect(set.body).toMatchObject({ phase: "introduction", version: draft.body.version, promptType: null });

    const staged = await resolveAs({ phase: "introduction", channel: "staging" });
    expect(staged.headers.get("x-prompt-channel")).toBe("staging");
    expect(staged.body.prompt.version).toBe(draft.body.version);
    expect(staged.body.text).toContain("Candidate for Ada");
    const prod = await resolveAs({ phase: "introduction" });
    expect([prod.body.prompt.version, prod.headers.get("x-prompt-channel")]).toEqual([production, "production"]);
    // Warm: staging answers come from memory once the set's own notification has arrived.
    await waitFor(
      "a staging answer from memory",
      async () =>
        (await resolveAs({ phase: "introduction", channel: "staging" })).headers.get("x-prompt-cache") === "hit",
      2_000,
    );

    const audit = await db().auditEvent.findMany({ where: { requestId: "st-1" } });
    expect(audit).toMatchObject([
      {
        action: "staging.set",
        targetType: "staging",
        targetId: "introduction",
        after: { version: draft.body.version },
      },
    ]);

    const cleared = await call(stagingRoute.DELETE, {
      method: "DELETE",
      headers: designer,
      params: { phase: "introduction" },
    });
    expect(cleared.body).toMatchObject({ version: null });
    const after = await resolveAs({ phase: "introduction", channel: "staging" });
    expect([after.body.prompt.version, after.headers.get("x-prompt-channel")]).toEqual([production, "production"]);
  });

  it("pins inactive versions only on the staging channel", async () => {
    const draft = await call(collection.POST, {
      method: "POST",
      headers: designer,
      body: { coachingPhase: "get_to_know_you", body: "Pinned {user_name}", requiredContextKeys: ["user_name"] },
    });
    const prod = await resolveAs({ phase: "get_to_know_you", version: draft.body.version });
    expect([prod.status, prod.body.error.code]).toEqual([404, "version_not_found"]);
    expect(prod.body.error.message).toContain('"channel": "staging"');
    const staged = await resolveAs({ phase: "get_to_know_you", version: draft.body.version, channel: "staging" });
    expect(staged.status).toBe(200);
    expect(staged.body.text).toContain("Pinned Ada");
    expect(staged.headers.get("x-prompt-channel")).toBe("staging");
  });

  it("invalidates a cached staging answer when the pointer changes by raw SQL (the trigger's NOTIFY)", async () => {
    const phase = "identity_warm_up";
    const v = await call(collection.POST, {
      method: "POST",
      headers: designer,
      body: { coachingPhase: phase, body: "Raw staged" },
    });
    await resolveAs({ phase, channel: "staging" });
    await resolveAs({ phase, channel: "staging" }); // cached now
    await db().$executeRaw`INSERT INTO staging_pointers (phase, prompt_id) VALUES (${phase}, ${v.body.id}::uuid)`;
    await waitFor(
      "the raw staging change to be served",
      async () => (await resolveAs({ phase, channel: "staging" })).body.prompt?.version === v.body.version,
      2_000,
    );
  });

  it("keeps one channel per phase-less type, and refuses viewers and unknown versions", async () => {
    const sentinel = await call(collection.POST, {
      method: "POST",
      headers: designer,
      body: { coachingPhase: null, promptType: "sentinel", body: "Staged sentinel {current_message}" },
    });
    const set = await stage("none", { version: sentinel.body.version });
    expect(set.body).toMatchObject({ phase: null, promptType: "sentinel", version: sentinel.body.version });
    const staged = await resolveAs({
      promptType: "sentinel",
      channel: "staging",
      context: { current_message: "hi", previous_message: "x", current_phase: "introduction" },
    });
    expect(staged.body.text).toContain("Staged sentinel hi");

    expect((await stage("introduction", { version: 1 }, viewer)).status).toBe(403);
    const missing = await stage("introduction", { version: 999 });
    expect([missing.status, missing.body.error.code]).toEqual([404, "version_not_found"]);
    expect((await stage("outro", { version: 1 })).status).toBe(400);
  });
});
