import { route } from "@/lib/server/http/route";
import { withdrawRelease } from "@/lib/server/services/release-review-service";

export const POST = route<{ id: string }>({ access: "write" }, async ({ params, caller }) =>
  withdrawRelease(caller, params.id),
);
