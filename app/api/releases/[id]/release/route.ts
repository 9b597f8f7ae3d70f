import { route } from "@/lib/server/http/route";
import { performRelease } from "@/lib/server/services/release-review-service";

export const POST = route<{ id: string }>({ access: "write" }, async ({ params, caller }) =>
  performRelease(caller, params.id),
);
