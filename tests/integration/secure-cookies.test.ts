import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { authOptions } from "@/lib/server/auth/options";
import { signedInUser, TEST_PASSWORD } from "../support/auth";
import { authRoute, csrf, type Jar } from "../support/next-auth";

// Cookies must be Secure when people reach the app over https, and only then (plain http on
// localhost would drop them). Who says "https" matters: a configured NEXTAUTH_URL, or a trusted proxy.

const saved = { url: process.env.NEXTAUTH_URL, proxies: process.env.PM_TRUSTED_PROXIES };
const hook = globalThis as { __pmPeerAddressHeader?: boolean };
const restore = (name: string, value: string | undefined) =>
  value === undefined ? delete process.env[name] : (process.env[name] = value);
afterEach(() => {
  restore("NEXTAUTH_URL", saved.url);
  restore("PM_TRUSTED_PROXIES", saved.proxies);
  delete hook.__pmPeerAddressHeader;
});
let email: string;
beforeAll(async () => {
  email = (await signedInUser("viewer")).user.email;
});

const secure = (headers: Record<string, string>) => authOptions({ headers: new Headers(headers) }).useSecureCookies;

describe("secure cookies", () => {
  it("follow NEXTAUTH_URL when it is set", () => {
    process.env.NEXTAUTH_URL = "https://prompts.example.com";
    expect(secure({})).toBe(true);
    process.env.NEXTAUTH_URL = "http://localhost:3000";
    expect(secure({ "x-forwarded-proto": "https" })).toBe(false);
  });

  it("follow X-Forwarded-Proto only from a trusted proxy", () => {
    delete process.env.NEXTAUTH_URL;
    hook.__pmPeerAddressHeader = true; // as scripts/lib/http-guard.cjs marks the server
    const viaProxy = { "x-pm-peer-address": "10.1.2.3", "x-forwarded-proto": "https" };
    expect(secure(viaProxy)).toBe(false); // no trusted proxies configured: anyone could send it
    process.env.PM_TRUSTED_PROXIES = "10.0.0.0/8";
    expect(secure(viaProxy)).toBe(true);
    expect(secure({ ...viaProxy, "x-forwarded-proto": "http" })).toBe(false);
    expect(secure({ ...viaProxy, "x-pm-peer-address": "203.0.113.5" })).toBe(false);
  });

  it("are set Secure with the __Secure- name by a real sign-in over https, plain over http", async () => {
    const signIn = async (headers: Record<string, string>) => {
      const jar: Jar = new Map();
      const csrfToken = await csrf(jar, headers);
      return (
        await authRoute(
          "POST",
          ["callback", "credentials"],
          jar,
          { email, password: TEST_PASSWORD, csrfToken },
          headers,
        )
      ).setCookies.find((c) => c.includes("session-token="));
    };
    process.env.NEXTAUTH_URL = "https://prompts.example.com";
    const overHttps = await signIn({});
    expect(overHttps).toMatch(/^__Secure-next-auth\.session-token=/);
    expect(overHttps).toMatch(/;\s*Secure/i);
    expect(overHttps).toMatch(/;\s*HttpOnly/i);
    process.env.NEXTAUTH_URL = "http://localhost:3000";
    const overHttp = await signIn({});
    expect(overHttp).toMatch(/^next-auth\.session-token=/);
    expect(overHttp).not.toMatch(/;\s*Secure/i);
  });
});
