import "server-only";
import type { Phase } from "@/lib/domain/catalog";
import type { Expectations } from "@/lib/domain/schemas/checks";
import type { Prisma, SampleContext } from "../db/generated/client";
import type { Db, Tx } from "../db/client";

export type SampleContextRow = SampleContext;
type Client = Db | Tx;

export function listByPhase(client: Client, phase: Phase | null): Promise<SampleContextRow[]> {
  return client.sampleContext.findMany({ where: { phase }, orderBy: { name: "asc" } });
}

export function findById(client: Client, id: string): Promise<SampleContextRow | null> {
  return client.sampleContext.findUnique({ where: { id } });
}

/** One sample by its unique (phase, name). */
export function findByName(client: Client, phase: Phase | null, name: string): Promise<SampleContextRow | null> {
  return client.sampleContext.findFirst({ where: { phase, name } });
}

export function insert(
  tx: Tx,
  data: {
    phase: Phase | null;
    name: string;
    values: Record<string, string>;
    expectations: Expectations;
    provider: string | null;
    createdBy: string | null;
  },
): Promise<SampleContextRow> {
  return tx.sampleContext.create({
    data: {
      ...data,
      values: data.values as Prisma.InputJsonObject,
      expectations: data.expectations as Prisma.InputJsonObject,
    },
  });
}

/** New values; expectations and provider only when given (undefined keeps the stored ones). */
export function update(
  tx: Tx,
  id: string,
  values: Record<string, string>,
  expectations: Expectations | undefined,
  provider: string | null | undefined,
): Promise<SampleContextRow> {
  return tx.sampleContext.update({
    where: { id },
    data: {
      values: values as Prisma.InputJsonObject,
      ...(expectations && { expectations: expectations as Prisma.InputJsonObject }),
      ...(provider !== undefined && { provider }),
      updatedAt: new Date(),
    },
  });
}

export async function remove(tx: Tx, id: string): Promise<void> {
  await tx.sampleContext.delete({ where: { id } });
}

/** Serializes saves of one (phase, name) so two people saving the same new name cannot both insert. */
export async function lockName(tx: Tx, phase: Phase | null, name: string): Promise<void> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`sample_contexts:${phase ?? "<none>"}:${name}`}, 0))`;
}
