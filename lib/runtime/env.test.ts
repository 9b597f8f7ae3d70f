import { describe, expect, it } from "vitest";
import { checkServeEnv, EnvError, serverEnv } from "./env";

const GOOD = { DATABASE_URL: "postgresql://app@db:6432/pm", NEXTAUTH_SECRET: "s".repeat(32) };

describe("the server's environment", () => {
  it("gives every setting its default when unset or empty", () => {
    expect(serverEnv({ PM_DRAIN_MS: "", PORT: "" })).toMatchObject({
      PORT: 3000,
      HOST: "127.0.0.1",
      PM_DB_POOL_SIZE: 10,
      PM_CACHE: "on",
      PM_CACHE_TTL_MS: 60_000,
      PM_DRAIN_MS: 5_000,
      PM_LISTEN_DATABASE_URL: undefined,
    });
  });

  it("binds HOST, or PM_HOST (its older name, which wins), loopback when neither is set", () => {
    expect(serverEnv({}).HOST).toBe("127.0.0.1");
    expect(serverEnv({ HOST: "0.0.0.0" }).HOST).toBe("0.0.0.0");
    expect(serverEnv({ PM_HOST: "::" }).HOST).toBe("::");
    expect(serverEnv({ HOST: "0.0.0.0", PM_HOST: "10.0.0.5" }).HOST).toBe("10.0.0.5");
    expect(() => serverEnv({ HOST: "my host" })).toThrow(/HOST must be an address/);
  });

  it("names every bad setting once, with the value unless it may hold a credential", () => {
    const result = checkServeEnv({
      DATABASE_URL: "mysql://root:hunter2@db/pm",
      NEXTAUTH_SECRET: "short",
      PORT: "70000",
      PM_CACHE: "maybe",
      PM_DRAIN_MS: "soon",
      PM_DB_POOL_SIZE: "0",
      PM_LISTEN_DATABASE_URL: "db:5432",
    });
    expect(result).toEqual({
      ok: false,
      problems: [
        "DATABASE_URL must be a postgresql:// URL",
        "PM_LISTEN_DATABASE_URL must be a postgresql:// URL",
        'PORT must be a port number (1–65535) (got "70000")',
        "NEXTAUTH_SECRET must be at least 32 characters",
        'PM_DB_POOL_SIZE must be a whole number (connections) of at least 1 (got "0")',
        'PM_CACHE must be "on" or "off" (got "maybe")',
        'PM_DRAIN_MS must be a whole number (milliseconds) of at least 0 (got "soon")',
      ],
    });
  });

  it("requires a database and a secret to serve, which the app alone does not (npm start provides them)", () => {
    expect(checkServeEnv({})).toEqual({
      ok: false,
      problems: [
        "DATABASE_URL is required (the PostgreSQL to use, e.g. postgresql://user@host:5432/db)",
        "NEXTAUTH_SECRET is required (at least 32 characters; the same on every instance)",
      ],
    });
    expect(() => serverEnv({})).not.toThrow();
    expect(checkServeEnv({ ...GOOD, PM_DRAIN_MS: "0" })).toMatchObject({ ok: true, env: { PM_DRAIN_MS: 0 } });
  });

  it("refuses a bad value where the app reads it, too", () => {
    expect(() => serverEnv({ PM_CACHE_TTL_MS: "1.5" })).toThrow(EnvError);
    expect(() => serverEnv({ PM_CACHE_TTL_MS: "1.5" })).toThrow("PM_CACHE_TTL_MS must be a whole number");
  });
});
