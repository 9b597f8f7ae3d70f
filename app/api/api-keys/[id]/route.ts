import { route } from "@/lib/server/http/route";
import { revokeApiKey } from "@/lib/server/services/api-key-service";

// Keys are revoked, never deleted: the audit log keeps pointing at them.
export const DELETE = route<{ id: string }>({ access: "admin" }, async ({ params, caller }) =>
  revokeApiKey(caller, params.id),
);
