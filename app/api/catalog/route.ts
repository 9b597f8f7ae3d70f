import { route } from "@/lib/server/http/route";
import { getCatalog } from "@/lib/server/services/catalog-service";

export const GET = route({ access: "read" }, async ({ caller }) => getCatalog(caller));
