import "server-only";
import { narrowNullablePhase } from "@/lib/domain/catalog/narrow";
import { unmetExpectations } from "@/lib/domain/checks/expectations";
import { AppError, isAppError } from "@/lib/domain/errors";
import { isUuid } from "@/lib/domain/ids";
import {
  runChecksSchema,
  type CheckFailure,
  type CheckRun,
  type Expectations,
  type SampleCheck,
} from "@/lib/domain/schemas/checks";
import type { Caller } from "../auth/actor";
import { authorize } from "../auth/authorize";
import { db } from "../db/client";
import * as prompts from "../repositories/prompt-repository";
import type { PromptRow } from "../repositories/prompt-repository";
import * as samples from "../repositories/sample-context-repository";
import type { SampleContextRow } from "../repositories/sample-context-repository";
import { parseInput } from "./parse-input";
import { resolveAuthorized, type ResolveOptions } from "./resolve-service";

/** A version's assembled text for one sample, or why it could not be assembled. */
export type Rendering =
  | { text: string }
  | { error: { code: "missing_context"; message: string; keys: string[] } }
  | { error: { code: "invalid_template"; message: string } };

/** The samples a version is checked with: the saved sample contexts of its phase (shared by the team). */
export function samplesFor(row: Pick<PromptRow, "coachingPhase">): Promise<SampleContextRow[]> {
  return samples.listByPhase(db(), narrowNullablePhase(row.coachingPhase));
}

/**
 * Renders through the resolve engine itself (system context, actions, response format included), so a
 * check sees exactly what POST /api/resolve would answer for that context. Only the two errors a
 * version's content can cause become results; anything else (a database outage) propagates.
 */
export async function render(
  row: PromptRow,
  sample: SampleContextRow,
  draft?: ResolveOptions["draft"],
): Promise<Rendering> {
  const context = Object.fromEntries(
    Object.entries(sample.values as Record<string, unknown>).filter(([, v]) => typeof v === "string" && v !== ""),
  );
  try {
    const { result } = await resolveAuthorized(
      {
        phase: row.coachingPhase ?? undefined,
        promptType: row.coachingPhase === null ? row.promptType : undefined,
        version: row.version,
        context,
      },
      { includeInactive: true, draft },
    );
    return { text: result.text };
  } catch (error) {
    if (isAppError(error) && error.code === "missing_context") {
      const keys = (error.details as { missing?: string[] } | null)?.missing ?? [];
      return { error: { code: "missing_context", message: error.message, keys } };
    }
    if (isAppError(error) && error.code === "invalid_template")
      return { error: { code: "invalid_template", message: error.message } };
    throw error;
  }
}

function failuresOf(rendering: Rendering, expectations: Expectations): CheckFailure[] {
  if ("text" in rendering) return unmetExpectations(rendering.text, expectations);
  const e = rendering.error;
  return [
    e.code === "invalid_template"
      ? { kind: e.code, message: e.message }
      : { kind: e.code, message: e.message, keys: e.keys },
  ];
}

/** One check of a sample against an already rendered text (release pages render once for diff and checks). */
export function checkSample(sample: SampleContextRow, rendering: Rendering): SampleCheck {
  const failures = failuresOf(rendering, sample.expectations as Expectations);
  return {
    sampleId: sample.id,
    sampleName: sample.name,
    passed: failures.length === 0,
    chars: "text" in rendering ? rendering.text.length : null,
    failures,
  };
}

export function checkRunOf(row: PromptRow, results: SampleCheck[]): CheckRun {
  return {
    promptId: row.id,
    phase: row.coachingPhase,
    version: row.version,
    passed: results.every((r) => r.passed),
    results,
  };
}

/** Checks a version (or `draft` content started from it) with every sample of its phase. */
export async function checkVersion(row: PromptRow, draft?: ResolveOptions["draft"]): Promise<CheckRun> {
  const list = await samplesFor(row);
  const results: SampleCheck[] = [];
  for (const sample of list) results.push(checkSample(sample, await render(row, sample, draft)));
  return checkRunOf(row, results);
}

/** `POST /api/prompts/{id}/checks`: runs the checks; reading prompts is enough (nothing is written). */
export async function runChecks(caller: Caller, id: string, input: unknown): Promise<CheckRun> {
  authorize(caller, "prompts:read");
  const { draft } = parseInput(runChecksSchema, input ?? {});
  const row = isUuid(id) ? await prompts.findById(db(), id) : null;
  if (!row) throw new AppError("not_found", `No prompt with id ${id}`);
  return checkVersion(row, draft);
}
