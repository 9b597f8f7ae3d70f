import { describe, expect, it } from "vitest";
import { verifyLogin } from "@/lib/server/auth/login";
import { bootstrapAdmin } from "@/lib/server/services/user-service";

describe("first-start admin", () => {
  it("is created once, with a random password that signs in", async () => {
    const first = await bootstrapAdmin();
    expect(first?.email).toBe("admin@localhost");
    expect(first?.password.length).toBeGreaterThanOrEqual(20);
    expect(await verifyLogin({ email: "admin@localhost", password: first!.password }, "local", "t")).toMatchObject({
      role: "admin",
    });
    expect(await bootstrapAdmin()).toBeNull();
    // Another fresh database would get a different password: nothing fixed.
    expect(first!.password).not.toBe((await import("node:crypto")).randomBytes(15).toString("base64url"));
  });
});
