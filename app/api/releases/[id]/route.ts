import { route } from "@/lib/server/http/route";
import { getRelease } from "@/lib/server/services/release-service";

export const GET = route<{ id: string }>({ access: "read" }, async ({ params, caller }) =>
  getRelease(caller, params.id),
);
