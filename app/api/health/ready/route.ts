import { json, route } from "@/lib/server/http/route";
import { checkReadiness } from "@/lib/server/services/health-service";

export const dynamic = "force-dynamic";

// Readiness (may this instance get traffic?) apart from liveness (/api/health: is the process up?):
// a balancer stops sending here on 503 without restarting the instance.
export const GET = route({ access: "public" }, async () => {
  const readiness = await checkReadiness();
  return json(readiness, readiness.ready ? 200 : 503, { "cache-control": "no-store" });
});
