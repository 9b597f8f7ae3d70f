import "server-only";
import type { ReleaseDetail, ReleaseDto } from "@/lib/domain/schemas/release";
import { db } from "../db/client";
import * as prompts from "../repositories/prompt-repository";
import type { PromptRow } from "../repositories/prompt-repository";
import { checkRunOf, checkSample, render, samplesFor } from "./check-service";
import type { ProductionScope } from "./production-change";

/**
 * What a reviewer sees beside a release: the target's checks with every sample of its phase and, for
 * each sample, the text production assembles now next to the text the target would. Rendered live, so
 * a sample added or fixed after the release was opened counts (approval re-runs the same checks).
 */
export async function releaseDetail(dto: ReleaseDto, scope: ProductionScope): Promise<ReleaseDetail> {
  const target = await prompts.findById(db(), dto.targetPromptId);
  const production = await prompts.findServing(db(), {
    phase: scope.phase,
    promptType: scope.promptType ?? undefined,
  });
  // The target row is kept by the foreign key (ON DELETE CASCADE removes the release with it).
  const row = target as PromptRow;
  const list = await samplesFor(row);
  const comparisons: ReleaseDetail["samples"] = [];
  const results = [];
  for (const sample of list) {
    const rendered = await render(row, sample);
    results.push(checkSample(sample, rendered));
    comparisons.push({
      sampleId: sample.id,
      sampleName: sample.name,
      production: production ? publicRendering(await render(production, sample)) : null,
      target: publicRendering(rendered),
    });
  }
  return {
    ...dto,
    productionVersion: production?.version ?? null,
    checks: checkRunOf(row, results),
    samples: comparisons,
  };
}

// The comparison shows the error's code and message; the keys are in the check results.
function publicRendering(r: Awaited<ReturnType<typeof render>>) {
  return "text" in r ? r : { error: { code: r.error.code, message: r.error.message } };
}
