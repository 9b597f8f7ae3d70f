import { createHash } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import * as prompts from "@/app/api/prompts/route";
import * as resolve from "@/app/api/resolve/route";
import * as users from "@/app/api/users/route";
import * as userItem from "@/app/api/users/[id]/route";
import * as keyItem from "@/app/api/api-keys/[id]/route";
import * as keys from "@/app/api/api-keys/route";
import * as nextauth from "@/app/api/auth/[...nextauth]/route";
import { db } from "@/lib/server/db/client";
import { LOGIN_LIMIT, verifyLogin } from "@/lib/server/auth/login";
import { seedDemoPrompts } from "@/lib/server/services/seed-service";
import { apiKey, signedInUser, TEST_PASSWORD } from "../support/auth";
import { call } from "../support/http";

let admin: Record<string, string>;
beforeAll(async () => {
  await seedDemoPrompts({ onlyIfEmpty: true });
  admin = (await signedInUser("admin")).headers;
});
const resolveAs = (h: Record<string, string>) =>
  call(resolve.POST, { method: "POST", headers: h, body: { phase: "introduction", context: { user_name: "A" } } });
const createAs = (h: Record<string, string>) =>
  call(prompts.POST, { method: "POST", headers: h, body: { coachingPhase: "identity_refinement", body: "x" } });

describe("API keys", () => {
  it("are pm_ + 43 base64url characters, stored only as SHA-256 and a short prefix", async () => {
    const res = await call(keys.POST, {
      method: "POST",
      headers: admin,
      body: { name: "checkout", scopes: ["resolve"] },
    });
    expect(res.status).toBe(201);
    expect(res.body.key).toMatch(/^pm_[A-Za-z0-9_-]{43}$/);
    const row = await db().apiKey.findUniqueOrThrow({ where: { id: res.body.apiKey.id } });
    expect(row.keyHash).toBe(createHash("sha256").update(res.body.key).digest("hex"));
    expect(JSON.stringify(row)).not.toContain(res.body.key.slice(11));
    expect(res.body.key.startsWith(row.prefix)).toBe(true);
    const listed = await call(keys.GET, { headers: admin });
    expect(JSON.stringify(listed.body)).not.toContain(res.body.key);
  });

  it("stop working the moment they are revoked, and record their use", async () => {
    const key = await apiKey(["resolve"]);
    expect((await resolveAs(key.headers)).status).toBe(200);
    await expect
      .poll(async () => (await db().apiKey.findUniqueOrThrow({ where: { id: key.id } })).lastUsedAt, { timeout: 3_000 })
      .toBeInstanceOf(Date);
    expect((await call(keyItem.DELETE, { method: "DELETE", headers: admin, params: { id: key.id } })).status).toBe(200);
    const after = await resolveAs(key.headers);
    expect(after.status).toBe(401);
    expect(after.body.error.message).toMatch(/revoked/);
  });

  it("answer 404 for ids that are not UUIDs, even 36 characters long", async () => {
    const notUuid = "-".repeat(36);
    expect((await call(keyItem.DELETE, { method: "DELETE", headers: admin, params: { id: notUuid } })).status).toBe(
      404,
    );
    expect(
      (await call(userItem.PATCH, { method: "PATCH", headers: admin, params: { id: notUuid }, body: { name: "x" } }))
        .status,
    ).toBe(404);
  });

  it("refuse malformed Authorization headers with 401", async () => {
    expect((await resolveAs({ authorization: "Bearer not-a-key" })).status).toBe(401);
    expect((await resolveAs({ authorization: "Basic abc" })).status).toBe(401);
  });
});

describe("sessions", () => {
  it("re-read role and disabled flag from the database on every request", async () => {
    const { user, headers } = await signedInUser("designer");
    expect((await createAs(headers)).status).toBe(201);
    // Changed behind the app's back (the admin API would also end the session): the role is re-read.
    await db().user.update({ where: { id: user.id }, data: { role: "viewer" } });
    expect((await createAs(headers)).status).toBe(403);
    await db().user.update({ where: { id: user.id }, data: { disabled: true } });
    expect((await createAs(headers)).status).toBe(401);
  });

  it("refuse cookie-authenticated writes from another site, but not API keys", async () => {
    const { headers } = await signedInUser("designer");
    const foreign = await createAs({ ...headers, origin: "https://evil.example" });
    expect(foreign.status).toBe(403);
    expect(foreign.body.error.code).toBe("forbidden");
    expect((await createAs({ ...headers, "sec-fetch-site": "cross-site" })).status).toBe(403);
    expect((await createAs({ ...headers, "origin": "http://localhost", "sec-fetch-site": "same-origin" })).status).toBe(
      201,
    );
    const key = await apiKey(["prompts:write"]);
    expect((await createAs({ ...key.headers, origin: "https://evil.example" })).status).toBe(201);
  });
});

describe("users", () => {
  it("have unique emails whatever their case, and passwords of 12 to 128 characters", async () => {
    const create = (email: string, password: string) =>
      call(users.POST, { method: "POST", headers: admin, body: { email, password } });
    expect((await create("Ada@Example.test", TEST_PASSWORD)).status).toBe(201);
    const dup = await create("ada@example.TEST", TEST_PASSWORD);
    expect(dup.status).toBe(409);
    expect((await create("short@example.test", "11 chars...")).body.error.details.issues[0].path).toBe("password");
    expect((await create("long@example.test", "x".repeat(129))).status).toBe(400);
    const stored = await db().user.findFirstOrThrow({ where: { email: "ada@example.test" } });
    expect(stored.passwordHash).toMatch(/^\$argon2id\$/);
  });
});

describe("sign-in", () => {
  it("accepts the right password only, for enabled users, and audits each failure", async () => {
    const { user } = await signedInUser("viewer", "login-check@example.test");
    expect(
      await verifyLogin({ email: "LOGIN-check@example.test", password: TEST_PASSWORD }, "10.0.0.1", "r1"),
    ).toMatchObject({ id: user.id, role: "viewer" });
    expect(await verifyLogin({ email: user.email, password: "wrong password!!" }, "10.0.0.1", "r2")).toBeNull();
    expect(await verifyLogin({ email: "nobody@example.test", password: TEST_PASSWORD }, "10.0.0.1", "r3")).toBeNull();
    const failures = await db().auditEvent.findMany({
      where: { action: "auth.login_failed", requestId: { in: ["r2", "r3"] } },
    });
    expect(failures.map((f) => (f.after as { reason: string }).reason).sort()).toEqual([
      "bad_password",
      "unknown_email",
    ]);
  });

  it(`answers 429 after ${LOGIN_LIMIT.attempts} failures for one email and address`, async () => {
    for (let i = 0; i < LOGIN_LIMIT.attempts; i++) {
      expect(
        await verifyLogin({ email: "target@example.test", password: "guess number " + i }, "203.0.113.9", `g${i}`),
      ).toBeNull();
    }
    const form = new URLSearchParams({ email: "target@example.test", password: "one more guess", json: "true" });
    const req = new Request("http://localhost/api/auth/callback/credentials", {
      method: "POST",
      body: form,
      headers: { "content-type": "application/x-www-form-urlencoded", "x-pm-peer-address": "203.0.113.9" },
    });
    // As scripts/lib/http-guard.cjs marks a server whose peer header it sets itself.
    (globalThis as { __pmPeerAddressHeader?: boolean }).__pmPeerAddressHeader = true;
    const res = await nextauth.POST(req, { params: Promise.resolve({ nextauth: ["callback", "credentials"] }) });
    delete (globalThis as { __pmPeerAddressHeader?: boolean }).__pmPeerAddressHeader;
    expect(res.status).toBe(429);
    expect((await res.json()).error.code).toBe("rate_limited");
    // Another address is not locked out by someone else's guesses.
    await expect(
      verifyLogin({ email: "target@example.test", password: "x" }, "198.51.100.1", "other"),
    ).resolves.toBeNull();
  });
});
