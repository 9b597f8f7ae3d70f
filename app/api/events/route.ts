import { route } from "@/lib/server/http/route";
import { openEvents } from "@/lib/server/services/events-service";

export const dynamic = "force-dynamic";

export const GET = route({ access: "resolve" }, async ({ req, caller }) => openEvents(caller, req));
