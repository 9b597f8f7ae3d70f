import { route } from "@/lib/server/http/route";
import { catalog } from "@/lib/server/services/catalog-service";

export const GET = route({ access: "read" }, async () => catalog);
