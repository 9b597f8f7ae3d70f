import "server-only";
import { userIdOf } from "@/lib/domain/auth/actor";
import type { Phase } from "@/lib/domain/catalog";
import { AppError } from "@/lib/domain/errors";
import type { Expectations } from "@/lib/domain/schemas/checks";
import { saveSampleContextSchema, type SampleContext } from "@/lib/domain/schemas/sample-context";
import type { Caller } from "../auth/actor";
import { authorize } from "../auth/authorize";
import { db } from "../db/client";
import { inTransaction } from "../db/errors";
import * as samples from "../repositories/sample-context-repository";
import type { SampleContextRow } from "../repositories/sample-context-repository";
import { recordAudit } from "./audit";
import { parseInput } from "./parse-input";
import { isUuid } from "@/lib/domain/ids";

/**
 * Sample contexts are team-shared test data for previews, not prompt content: anyone who may read
 * prompts (viewers included: product leads preview with them) may save and delete them. Every change
 * is audited, so a removed sample can be traced and re-created.
 */
const PERMISSION = "prompts:read";

function toDto(row: SampleContextRow): SampleContext {
  return {
    id: row.id,
    phase: row.phase,
    name: row.name,
    values: row.values as Record<string, string>,
    expectations: row.expectations as Expectations,
    provider: row.provider === "openai" || row.provider === "anthropic" ? row.provider : null,
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** What the audit log keeps of a saved sample: which keys it fills (not their values), and what it asserts. */
function auditView(row: SampleContextRow) {
  return {
    phase: row.phase,
    name: row.name,
    keys: Object.keys(row.values as object),
    expectations: row.expectations,
    provider: row.provider,
  };
}

export async function listSampleContexts(caller: Caller, phase: Phase | null): Promise<SampleContext[]> {
  authorize(caller, PERMISSION);
  return (await samples.listByPhase(db(), phase)).map(toDto);
}

/** Saves by name: a new name creates a sample, an existing one (same phase) gets the new values. */
export async function saveSampleContext(
  caller: Caller,
  input: unknown,
): Promise<{ sample: SampleContext; created: boolean }> {
  authorize(caller, PERMISSION);
  const data = parseInput(saveSampleContextSchema, input);
  const values = Object.fromEntries(
    Object.entries(data.values).filter((e): e is [string, string] => typeof e[1] === "string"),
  );
  return inTransaction(async (tx) => {
    await samples.lockName(tx, data.phase, data.name);
    const existing = await samples.findByName(tx, data.phase, data.name);
    if (existing) {
      const row = await samples.update(tx, existing.id, values, data.expectations, data.provider);
      await recordAudit(tx, caller, {
        action: "sample_context.update",
        targetType: "sample_context",
        targetId: row.id,
        before: auditView(existing),
        after: auditView(row),
      });
      return { sample: toDto(row), created: false };
    }
    const row = await samples.insert(tx, {
      phase: data.phase,
      name: data.name,
      values,
      expectations: data.expectations ?? {},
      provider: data.provider ?? null,
      createdBy: userIdOf(caller),
    });
    await recordAudit(tx, caller, {
      action: "sample_context.create",
      targetType: "sample_context",
      targetId: row.id,
      after: auditView(row),
    });
    return { sample: toDto(row), created: true };
  });
}

export async function deleteSampleContext(caller: Caller, id: string): Promise<{ id: string }> {
  authorize(caller, PERMISSION);
  return inTransaction(async (tx) => {
    const row = isUuid(id) ? await samples.findById(tx, id) : null;
    if (!row) throw new AppError("not_found", `No sample context with id ${id}`);
    await samples.remove(tx, id);
    // The values go into the audit row so a deleted sample can be restored by hand.
    await recordAudit(tx, caller, {
      action: "sample_context.delete",
      targetType: "sample_context",
      targetId: id,
      before: {
        phase: row.phase,
        name: row.name,
        values: row.values,
        expectations: row.expectations,
        provider: row.provider,
      },
    });
    return { id };
  });
}
