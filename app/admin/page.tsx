import { userIdOf } from "@/lib/domain/auth/actor";
import type { Metadata } from "next";
import { AppHeader } from "@/components/layout/app-header";
import { ApiKeysPanel } from "@/components/admin/api-keys-panel";
import { UsersPanel } from "@/components/admin/users-panel";
import { WebhooksPanel } from "@/components/admin/webhooks-panel";
import { requireCaller } from "@/lib/server/auth/session";
import { listApiKeys } from "@/lib/server/services/api-key-service";
import { listUsers } from "@/lib/server/services/user-service";
import { listWebhooks } from "@/lib/server/services/webhook-service";

export const metadata: Metadata = { title: "Admin" };
export const dynamic = "force-dynamic";

export default async function AdminPage() {
  const caller = await requireCaller("admin", "/admin");
  const [users, keys, webhooks] = await Promise.all([listUsers(caller), listApiKeys(caller), listWebhooks(caller)]);
  return (
    <>
      <AppHeader caller={caller} />
      <main className="stack">
        <h1>Admin</h1>
        <UsersPanel users={users.items} selfId={userIdOf(caller) ?? ""} />
        <ApiKeysPanel keys={keys.items} />
        <WebhooksPanel webhooks={webhooks.items} />
      </main>
    </>
  );
}
