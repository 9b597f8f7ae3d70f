import { route } from "@/lib/server/http/route";
import { listWebhookDeliveries } from "@/lib/server/services/webhook-service";

export const GET = route<{ id: string }>({ access: "admin" }, async ({ params, caller }) =>
  listWebhookDeliveries(caller, params.id),
);
