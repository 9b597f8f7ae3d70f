"use server";

import { parsePhase } from "@/lib/domain/catalog";
import { AppError } from "@/lib/domain/errors";
import { serverAction } from "@/lib/server/http/action";
import { rollbackPhase } from "@/lib/server/services/rollback-service";

/**
 * An admin's emergency rollback: production goes back to `toVersion` at once, without review, marked
 * as an emergency in the audit log and the release history. The service refuses everyone but admins.
 */
export const emergencyRollback = serverAction(async (caller, phase: string, toVersion: number, note: string) => {
  const parsed = parsePhase(String(phase));
  if (!parsed) throw new AppError("invalid_request", `Unknown coaching phase "${phase}"`);
  return rollbackPhase(caller, parsed, { toVersion, emergency: true, note });
});
