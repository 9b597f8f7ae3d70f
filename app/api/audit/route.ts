import { route, searchParams } from "@/lib/server/http/route";
import { listAuditEvents } from "@/lib/server/services/audit-service";

export const GET = route({ access: "admin" }, async ({ req, caller }) => listAuditEvents(caller, searchParams(req)));
