import type { Metadata } from "next";
import {
  ACTION_TYPE_VALUES,
  CONTEXT_KEY_VALUES,
  PHASES,
  PHASE_VALUES,
  PROMPT_TYPES,
  PROMPT_TYPE_VALUES,
} from "@/lib/domain/catalog";
import type { CatalogOptions } from "@/components/import/catalog-options";
import { ExportPanel } from "@/components/import/export-panel";
import { ImportWorkbench } from "@/components/import/import-workbench";
import { AppHeader } from "@/components/layout/app-header";
import { can } from "@/lib/server/auth/authorize";
import { requireCaller } from "@/lib/server/auth/session";

export const metadata: Metadata = { title: "Import and export" };

const catalog: CatalogOptions = {
  phases: PHASES.map((p) => ({ value: p.value, label: p.label })),
  promptTypes: PROMPT_TYPES.map((t) => ({ value: t.value, label: t.label })),
  values: {
    phase: [...PHASE_VALUES],
    contextKey: [...CONTEXT_KEY_VALUES],
    action: [...ACTION_TYPE_VALUES],
    promptType: [...PROMPT_TYPE_VALUES],
  },
};

export const dynamic = "force-dynamic";

export default async function ImportExportPage() {
  // Viewers may export; importing needs prompts:write (the service refuses it anyway).
  const caller = await requireCaller("prompts:read", "/prompts/import");
  return (
    <>
      <AppHeader caller={caller} />
      <main>
        <h1>Import and export</h1>
        {can(caller.actor, "prompts:write") && <ImportWorkbench catalog={catalog} />}
        <ExportPanel catalog={catalog} />
      </main>
    </>
  );
}
