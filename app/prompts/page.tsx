import type { Metadata } from "next";
import Link from "next/link";
import { PHASES, PROMPT_TYPES } from "@/lib/domain/catalog";
import { can } from "@/lib/server/auth/authorize";
import { requireCaller } from "@/lib/server/auth/session";
import { servingOverview } from "@/lib/server/services/overview-service";
import { versionTablePage } from "@/lib/server/services/version-table-service";
import { AppHeader } from "@/components/layout/app-header";
import { PhaseOverview } from "@/components/prompts/phase-overview";
import { VersionTable } from "@/components/prompts/version-table";
import { VersionTableFilters } from "@/components/prompts/version-table-filters";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Prompts" };

/** Browse: every phase with what it serves, then all versions (filter, search, sort, page: all in the URL). */
export default async function PromptsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const sp = await searchParams;
  const qs = new URLSearchParams(
    Object.entries(sp).flatMap(([k, v]) => (typeof v === "string" ? [[k, v]] : [])),
  ).toString();
  const caller = await requireCaller("prompts:read", `/prompts${qs ? `?${qs}` : ""}`);
  const [overview, page] = await Promise.all([servingOverview(caller), versionTablePage(caller, sp)]);
  const servingOf = new Map(overview.map((r) => [r.phase, r.servingVersion]));
  const rows = page.items.map((item) => ({
    ...item,
    serving: item.isActive && servingOf.get(item.phase) === item.version,
  }));

  return (
    <>
      <AppHeader caller={caller} />
      <main className="wide">
        <div className="page-head">
          <h1>Prompts</h1>
          <p className="muted summary">
            What each coaching phase serves to <code>POST /api/resolve</code>.{" "}
            {can(caller.actor, "prompts:write")
              ? "Open a phase to edit it as a new version."
              : "Open a phase to read and preview it."}
          </p>
        </div>
        <section className="card" aria-labelledby="phases-h">
          <h2 id="phases-h">Phases</h2>
          <PhaseOverview rows={overview} />
        </section>
        <section className="card" aria-labelledby="versions-h">
          <div className="section-head">
            <h2 id="versions-h">All versions</h2>
            {qs && <Link href="/prompts">Clear filters</Link>}
          </div>
          <VersionTableFilters
            phases={[
              ...PHASES.map((p) => ({ value: p.value, label: p.label })),
              { value: "none", label: "No phase (sentinel & system)" },
            ]}
            types={PROMPT_TYPES.map((t) => ({ value: t.value, label: t.label }))}
          />
          <VersionTable rows={rows} total={page.total} capped={page.capped} query={page.query} />
        </section>
      </main>
    </>
  );
}
