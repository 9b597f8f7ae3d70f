import { route } from "@/lib/server/http/route";
import { deleteWebhook } from "@/lib/server/services/webhook-service";

export const DELETE = route<{ id: string }>({ access: "admin" }, async ({ params, caller }) =>
  deleteWebhook(caller, params.id),
);
