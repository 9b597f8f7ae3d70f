import { randomBytes } from "node:crypto";
import { encode } from "next-auth/jwt";
import { SYSTEM_CALLER, type Role, type Scope } from "@/lib/server/auth/actor";
import { db } from "@/lib/server/db/client";
import { createApiKey, revokeApiKey } from "@/lib/server/services/api-key-service";
import { createUser } from "@/lib/server/services/user-service";

export const TEST_PASSWORD = "correct horse battery staple";

/** A real user row plus the session cookie next-auth would set for it. */
export async function signedInUser(role: Role, email = `${role}-${randomBytes(4).toString("hex")}@example.test`) {
  const user = await createUser(SYSTEM_CALLER, { email, role, password: TEST_PASSWORD });
  const token = await encode({
    token: { uid: user.id, email: user.email, role, sv: 1 }, // a new person's first session version
    secret: process.env.NEXTAUTH_SECRET!,
  });
  return { user, headers: { cookie: `next-auth.session-token=${token}` } };
}

/** A real API key; `state` makes it revoked or expired the way production would. */
export async function apiKey(scopes: Scope[], state: "active" | "revoked" | "expired" = "active") {
  const { key, apiKey: dto } = await createApiKey(SYSTEM_CALLER, { name: `test ${scopes.join("+")} ${state}`, scopes });
  if (state === "revoked") await revokeApiKey(SYSTEM_CALLER, dto.id);
  // Creation refuses past expiries, so age the key afterwards, as time would.
  if (state === "expired")
    await db().apiKey.update({ where: { id: dto.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
  return { key, id: dto.id, headers: { authorization: `Bearer ${key}` } };
}
