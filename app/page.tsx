import { PHASES } from "@/lib/domain/catalog";
import { AppHeader } from "@/components/layout/app-header";
import { requireCaller } from "@/lib/server/auth/session";
import { servingOverview } from "@/lib/server/services/overview-service";

export const dynamic = "force-dynamic";

export default async function HomePage() {
  const caller = await requireCaller("prompts:read", "/");
  const overview = await servingOverview(caller);
  return (
    <>
    <AppHeader caller={caller} />
    <main>
      <h1>Prompt Manager</h1>
      <p className="muted">Serving versions per coaching phase. Backend services call <code>POST /api/resolve</code>.</p>
      <table>
        <thead>
          <tr><th scope="col">Phase</th><th scope="col">Serving version</th><th scope="col">Versions</th><th scope="col">Last change</th></tr>
        </thead>
        <tbody>
          {overview.map((row) => (
            <tr key={row.phase ?? "none"}>
              <td>{row.phase ? (PHASES.find((p) => p.value === row.phase)?.label ?? row.phase) : "No phase (sentinel)"} <code className="muted">{row.phase ?? "—"}</code></td>
              <td>{row.servingVersion ? `v${row.servingVersion}` : <span className="muted">none active</span>}</td>
              <td>{row.versions}</td>
              <td>{row.lastChange ? new Date(row.lastChange).toISOString().slice(0, 16).replace("T", " ") : "—"}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </main>
    </>
  );
}
