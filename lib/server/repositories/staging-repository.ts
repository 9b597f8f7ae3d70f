import "server-only";
import type { Phase, PromptType } from "@/lib/domain/catalog";
import type { Db, Tx } from "../db/client";
import type { PromptRow } from "./prompt-repository";

type Client = Db | Tx;
/** A phase's channel has no type; a phase-less type's channel is keyed by the type. */
export interface StagingScope {
  phase: Phase | null;
  promptType: PromptType | null;
}

/** The version the staging channel of a scope points at, or null when none is set. */
export async function findStaging(client: Client, scope: StagingScope): Promise<PromptRow | null> {
  const pointer = await client.stagingPointer.findFirst({
    where: { phase: scope.phase, promptType: scope.promptType },
    include: { prompt: true },
  });
  return pointer?.prompt ?? null;
}

export async function listStaging(client: Client) {
  return client.stagingPointer.findMany({ include: { prompt: true }, orderBy: [{ phase: "asc" }] });
}

export async function setStaging(tx: Tx, scope: StagingScope, promptId: string, updatedBy: string | null) {
  const existing = await tx.stagingPointer.findFirst({ where: { phase: scope.phase, promptType: scope.promptType } });
  if (existing)
    return tx.stagingPointer.update({
      where: { id: existing.id },
      data: { promptId, updatedBy, updatedAt: new Date() },
    });
  return tx.stagingPointer.create({ data: { ...scope, promptId, updatedBy } });
}

/** Clears the channel; returns the version it pointed at (null when none was set). */
export async function clearStaging(tx: Tx, scope: StagingScope): Promise<PromptRow | null> {
  const existing = await tx.stagingPointer.findFirst({
    where: { phase: scope.phase, promptType: scope.promptType },
    include: { prompt: true },
  });
  if (existing) await tx.stagingPointer.delete({ where: { id: existing.id } });
  return existing?.prompt ?? null;
}
