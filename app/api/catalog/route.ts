import { route } from "@/lib/server/http/route";
import { getCatalog } from "@/lib/server/services/catalog-service";

export const GET = route({ access: "authenticated" }, async ({ caller }) => getCatalog(caller));
