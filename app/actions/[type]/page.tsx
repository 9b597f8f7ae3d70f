import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { isActionType } from "@/lib/domain/catalog";
import { can } from "@/lib/server/auth/authorize";
import { requireCaller } from "@/lib/server/auth/session";
import { getActionInstruction } from "@/lib/server/services/action-instruction-service";
import { ActionEditor } from "@/components/actions/action-editor";
import { ActionHistory } from "@/components/actions/action-history";
import { AppHeader } from "@/components/layout/app-header";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Action" };

/** One action: its wording's history, and for designers an editor with a preview of the rendered block. */
export default async function ActionPage({ params }: { params: Promise<{ type: string }> }) {
  const { type } = await params;
  const caller = await requireCaller("prompts:read", `/actions/${type}`);
  if (!isActionType(type)) notFound();
  const action = await getActionInstruction(caller, type);
  const canWrite = can(caller.actor, "prompts:write");
  return (
    <>
      <AppHeader caller={caller} />
      <main className="wide">
        <nav aria-label="Breadcrumb" className="muted">
          <Link href="/actions">Actions</Link> / <code>{type}</code>
        </nav>
        <div className="page-head">
          <h1>
            <code>{type}</code>
          </h1>
          <p className="muted summary">
            {action.serving ? `Production: v${action.serving.version}` : "No active version"} · allowed in{" "}
            {action.allowedIn.length ? action.allowedIn.join(", ") : "no phase"}
          </p>
        </div>
        {canWrite ? (
          <ActionEditor
            actionType={action.actionType}
            fieldPaths={action.fieldPaths}
            initial={action.serving ?? action.history[0] ?? null}
          />
        ) : (
          <section className="card" aria-label="Wording">
            <h2>Instruction</h2>
            <p>{action.serving?.instruction ?? "—"}</p>
            <h2>Fields</h2>
            <dl>
              {action.fieldPaths.map((p) => (
                <div key={p}>
                  <dt>
                    <code>{p === "" ? "params" : p}</code>
                  </dt>
                  <dd>{action.serving?.fieldDescriptions[p] ?? "—"}</dd>
                </div>
              ))}
            </dl>
          </section>
        )}
        <ActionHistory history={action.history} canWrite={canWrite} />
      </main>
    </>
  );
}
