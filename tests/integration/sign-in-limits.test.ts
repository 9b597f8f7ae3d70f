import { afterEach, beforeAll, describe, expect, it } from "vitest";
import * as users from "@/app/api/users/route";
import { clientIp } from "@/lib/server/auth/client-ip";
import { db } from "@/lib/server/db/client";
import { LOGIN_LIMIT, verifyLogin } from "@/lib/server/auth/login";
import { signedInUser, TEST_PASSWORD } from "../support/auth";
import { call } from "../support/http";

let admin: Record<string, string>;
beforeAll(async () => {
  admin = (await signedInUser("admin")).headers;
});

const attempt = (email: string, password: string, ip = "192.0.2.1", id = "t") =>
  verifyLogin({ email, password }, ip, id).catch((e: { code?: string }) => e.code ?? e);

describe("sign-in matches one normalised email exactly", () => {
  it("never treats % _ or \\ as patterns", async () => {
    await signedInUser("viewer", "rl@example.com");
    for (const email of ["rl@ex%", "r_@example.com", "rl\\@example.com", "%@example.com"])
      expect(await attempt(email, TEST_PASSWORD)).toBeNull();
    expect(await attempt("RL@Example.com", TEST_PASSWORD)).toMatchObject({ email: "rl@example.com" });
  });

  it("refuses an NFD spelling of an existing NFC email on create, and signs either spelling in", async () => {
    const nfc = "jos\u00e9@example.test";
    const nfd = "jose\u0301@example.test";
    const create = (email: string) =>
      call(users.POST, { method: "POST", headers: admin, body: { email, password: TEST_PASSWORD, role: "viewer" } });
    expect((await create(nfc)).status).toBe(201);
    expect((await create(nfd)).status).toBe(409);
    expect(await attempt(nfd, TEST_PASSWORD)).toMatchObject({ email: nfc });
  });
});

describe("sign-in limits", () => {
  it("limit the account from any address, not only per address", async () => {
    await signedInUser("viewer", "rotating@example.test");
    for (let i = 0; i < LOGIN_LIMIT.accountAttempts; i++)
      expect(await attempt("rotating@example.test", "wrong guess!", `198.51.100.${i}`)).toBeNull();
    // A fresh address, and even the right password: the account is over its limit.
    expect(await attempt("rotating@example.test", TEST_PASSWORD, "203.0.113.200")).toBe("rate_limited");
  });

  it("count and check atomically: 50 concurrent wrong guesses get at most 10 password checks", async () => {
    await signedInUser("viewer", "storm@example.test");
    const results = await Promise.all(
      Array.from({ length: 50 }, (_, i) => attempt("storm@example.test", `wrong guess ${i}`, "192.0.2.50", `s${i}`)),
    );
    const checked = await db().auditEvent.count({
      where: { action: "auth.login_failed", targetId: "storm@example.test" },
    });
    expect(checked).toBeLessThanOrEqual(LOGIN_LIMIT.attempts);
    // The rest are refused (429, or 503 when a loaded machine's pool runs out waiting): none signs in.
    expect(results.filter((r) => r === null).length).toBeLessThanOrEqual(LOGIN_LIMIT.attempts);
    expect(results.every((r) => r === null || r === "rate_limited" || r === "db_unavailable")).toBe(true);
  }, 120_000);
});

describe("the client address", () => {
  const hooked = globalThis as { __pmPeerAddressHeader?: boolean };
  afterEach(() => {
    delete process.env.PM_TRUSTED_PROXIES;
    delete hooked.__pmPeerAddressHeader;
  });
  const headers = (peer: string, xff?: string) =>
    new Headers({ "x-pm-peer-address": peer, ...(xff ? { "x-forwarded-for": xff } : {}) });

  it("is the socket peer; X-Forwarded-For from anyone else is ignored", () => {
    hooked.__pmPeerAddressHeader = true;
    expect(clientIp(headers("192.0.2.7", "203.0.113.1"))).toBe("192.0.2.7");
  });

  it("comes from X-Forwarded-For only when the peer is a trusted proxy", () => {
    hooked.__pmPeerAddressHeader = true;
    process.env.PM_TRUSTED_PROXIES = "10.0.0.0/8, ::1";
    expect(clientIp(headers("::ffff:10.1.2.3", "203.0.113.1, 10.0.0.5"))).toBe("203.0.113.1");
    expect(clientIp(headers("::1", "spoofed, 198.51.100.9"))).toBe("198.51.100.9");
    expect(clientIp(headers("192.0.2.7", "203.0.113.1"))).toBe("192.0.2.7");
  });

  it("does not trust a peer header the server's own hook did not set", () => {
    expect(clientIp(headers("192.0.2.7"))).toBe("unknown");
  });
});
