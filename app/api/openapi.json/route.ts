import { route } from "@/lib/server/http/route";
import { openApiDocument } from "@/lib/server/openapi/document";

export const GET = route({ access: "public" }, async () => openApiDocument());
