import { json, route } from "@/lib/server/http/route";
import { checkHealth } from "@/lib/server/services/health-service";

export const dynamic = "force-dynamic";

export const GET = route({ access: "public" }, async () => {
  // 200 even when degraded: the instance can still serve cached prompts, so it stays in rotation.
  return json(await checkHealth(), 200, { "cache-control": "no-store" });
});
