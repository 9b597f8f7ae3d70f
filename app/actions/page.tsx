import type { Metadata } from "next";
import Link from "next/link";
import { fieldPaths } from "@/lib/domain/action-instructions";
import { requireCaller } from "@/lib/server/auth/session";
import { listActionInstructions } from "@/lib/server/services/action-instruction-service";
import { AppHeader } from "@/components/layout/app-header";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Actions" };

/** The 22 actions: what the model is told about each, its fields, and which phases allow it. */
export default async function ActionsPage() {
  const caller = await requireCaller("prompts:read", "/actions");
  const actions = await listActionInstructions(caller);
  return (
    <>
      <AppHeader caller={caller} />
      <main className="wide">
        <div className="page-head">
          <h1>Actions</h1>
          <p className="muted summary">
            The instruction and field descriptions the model reads for each action. The params&apos; shape is fixed by
            the catalog; the words are versioned here.
          </p>
        </div>
        <table className="card actions-table">
          <thead>
            <tr>
              <th scope="col">Action</th>
              <th scope="col">Instruction (production)</th>
              <th scope="col">Fields</th>
              <th scope="col">Allowed in</th>
            </tr>
          </thead>
          <tbody>
            {actions.map((a) => (
              <tr key={a.actionType}>
                <td>
                  <Link href={`/actions/${a.actionType}`}>
                    <code>{a.actionType}</code>
                  </Link>
                  <div className="muted">
                    {a.serving ? `v${a.serving.version}` : "no active version"} · {a.versions} version
                    {a.versions === 1 ? "" : "s"}
                  </div>
                </td>
                <td>{a.serving?.instruction ?? <span className="muted">—</span>}</td>
                <td>
                  {fieldPaths(a.actionType)
                    .filter((p) => p !== "")
                    .map((p) => (
                      <code key={p} className="field-chip">
                        {p}
                      </code>
                    ))}
                </td>
                <td>{a.allowedIn.length ? a.allowedIn.join(", ") : <span className="muted">no phase</span>}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </main>
    </>
  );
}
