import { route } from "@/lib/server/http/route";
import { listActionInstructions } from "@/lib/server/services/action-instruction-service";

export const GET = route({ access: "read" }, async ({ caller }) => listActionInstructions(caller));
