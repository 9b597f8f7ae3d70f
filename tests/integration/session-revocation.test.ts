import { beforeAll, describe, expect, it } from "vitest";
import * as prompts from "@/app/api/prompts/route";
import * as userItem from "@/app/api/users/[id]/route";
import { db } from "@/lib/server/db/client";
import { signedInUser, TEST_PASSWORD } from "../support/auth";
import { call } from "../support/http";
import { authRoute, cookieHeader, csrf, type Jar } from "../support/next-auth";

// Sessions are signed JWTs; these tests sign in through next-auth's real handlers, so the cookie is
// the one a browser gets, and check it stops working after each change that must end it.

let admin: Record<string, string>;
beforeAll(async () => {
  admin = (await signedInUser("admin")).headers;
});

/** Signs in with email and password as the login page does; returns the browser's cookie jar. */
async function signIn(email: string): Promise<Jar> {
  const jar: Jar = new Map();
  const csrfToken = await csrf(jar);
  await authRoute("POST", ["callback", "credentials"], jar, { email, password: TEST_PASSWORD, csrfToken });
  expect([...jar.keys()]).toContain("next-auth.session-token");
  return jar;
}
const listAs = (jar: Jar) => call(prompts.GET, { headers: { cookie: cookieHeader(jar) }, path: "/api/prompts" });
const patchUser = (id: string, body: unknown) =>
  call(userItem.PATCH, { method: "PATCH", headers: admin, params: { id }, body });

describe("a session cookie stops working", () => {
  it("after sign-out, on every device of that person (and the audit log says so)", async () => {
    const { user } = await signedInUser("viewer");
    const laptop = await signIn(user.email);
    const phone = await signIn(user.email);
    const copied = new Map(laptop); // what an attacker who copied the cookie holds
    expect((await listAs(laptop)).status).toBe(200);
    await authRoute("POST", ["signout"], laptop, { csrfToken: await csrf(laptop) });
    expect((await listAs(copied)).status).toBe(401);
    expect((await listAs(phone)).status).toBe(401);
    // next-auth's own session endpoint neither describes nor refreshes it, and clears the cookie.
    expect((await authRoute("GET", ["session"], phone)).answer).toEqual({});
    expect(phone.has("next-auth.session-token")).toBe(false);
    expect(await db().auditEvent.count({ where: { targetId: user.id, action: "auth.sign_out" } })).toBe(1);
    const again = await signIn(user.email); // signing in again works
    expect((await listAs(again)).status).toBe(200);
    expect((await authRoute("GET", ["session"], again)).answer).toMatchObject({ user: { email: user.email } });
  });

  it.each([
    ["a password reset by an admin", { password: "a brand new password" }],
    ["being disabled", { disabled: true }],
    ["a role change", { role: "designer" }],
  ])("after %s", async (_, change) => {
    const { user } = await signedInUser("viewer");
    const jar = await signIn(user.email);
    expect((await listAs(jar)).status).toBe(200);
    expect((await patchUser(user.id, change)).status).toBe(200);
    const res = await listAs(jar);
    expect(res.status).toBe(401);
    expect(res.body.error.code).toBe("unauthenticated");
  });

  it("but not after a change that leaves access alone (the name)", async () => {
    const { user } = await signedInUser("viewer");
    const jar = await signIn(user.email);
    expect((await patchUser(user.id, { name: "Renamed" })).status).toBe(200);
    expect((await listAs(jar)).status).toBe(200);
  });
});
