import type { Metadata } from "next";
import Link from "next/link";
import { diffPromptMeta } from "@/lib/domain/authoring/meta-diff";
import { AppHeader } from "@/components/layout/app-header";
import { BodyDiff } from "@/components/editor/body-diff";
import { MetaChanges } from "@/components/editor/meta-changes";
import { PhaseHeader } from "@/components/prompts/phase-header";
import { loadPhase, positiveInt, servingSummary, versionOr404 } from "../load-phase";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Compare versions" };

/**
 * Any two versions side by side: what changed besides the body (keys, actions, type, name,
 * description, activity) and the body in Monaco's diff editor. A plain GET form picks the pair.
 */
export default async function DiffPage({
  params,
  searchParams,
}: {
  params: Promise<{ phase: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const sp = await searchParams;
  const ctx = await loadPhase(params, "/diff");
  const { caller, phase, slug, versions, serving } = ctx;
  const to = positiveInt(sp.to) ?? versions[0]?.version;
  const from =
    positiveInt(sp.from) ?? versions.find((v) => to !== undefined && v.version < to)?.version ?? versions[1]?.version;
  const pair =
    from !== undefined && to !== undefined
      ? await Promise.all([versionOr404(caller, phase, from), versionOr404(caller, phase, to)])
      : null;

  return (
    <>
      <AppHeader caller={caller} />
      <main className="wide">
        <PhaseHeader
          canWrite={ctx.canWrite}
          slug={slug}
          label={ctx.label}
          trail="Compare"
          title={`Compare versions · ${ctx.label}`}
          summary={servingSummary(serving, versions.length)}
          current="diff"
        />
        {!pair ? (
          <p className="card">This phase needs at least two versions to compare.</p>
        ) : (
          <>
            <form method="get" className="card diff-pickers" aria-label="Versions to compare">
              <label>
                From (older)
                <select name="from" defaultValue={String(pair[0].version)}>
                  {versions.map((v) => (
                    <option key={v.id} value={v.version}>
                      v{v.version}
                      {v.name ? ` · ${v.name}` : ""}
                    </option>
                  ))}
                </select>
              </label>
              <label>
                To (newer)
                <select name="to" defaultValue={String(pair[1].version)}>
                  {versions.map((v) => (
                    <option key={v.id} value={v.version}>
                      v{v.version}
                      {v.name ? ` · ${v.name}` : ""}
                    </option>
                  ))}
                </select>
              </label>
              <button type="submit" className="primary">
                Compare
              </button>
              <Link href={`/prompts/${slug}/diff?from=${pair[1].version}&to=${pair[0].version}`}>Swap</Link>
            </form>
            <section className="card" aria-labelledby="meta-changes-h">
              <h2 id="meta-changes-h">
                Other changes (v{pair[0].version} → v{pair[1].version})
              </h2>
              <MetaChanges changes={diffPromptMeta(pair[0], pair[1])} />
            </section>
            <section className="card" aria-labelledby="body-changes-h">
              <h2 id="body-changes-h">Body</h2>
              {pair[0].body === pair[1].body ? (
                <p className="muted">The bodies are identical.</p>
              ) : (
                <BodyDiff
                  original={pair[0].body}
                  modified={pair[1].body}
                  originalLabel={`v${pair[0].version}`}
                  modifiedLabel={`v${pair[1].version}`}
                  keys={ctx.keys}
                />
              )}
            </section>
          </>
        )}
      </main>
    </>
  );
}
