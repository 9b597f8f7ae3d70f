import "server-only";
import { exportDocument } from "@/lib/domain/prompt-files";
import { exportQuerySchema, type ExportFormat } from "@/lib/domain/schemas/prompt-files";
import type { Caller } from "../auth/actor";
import { authorize } from "../auth/authorize";
import { db } from "../db/client";
import { exportRecords } from "../repositories/prompt-transfer-repository";
import { parseInput } from "./parse-input";

export interface ExportFile {
  format: ExportFormat;
  fileName: string;
  count: number;
  text: string;
}

/** All versions, or those matching the filters of the prompt list, as a native or Django file. */
export async function exportPrompts(caller: Caller, query: unknown): Promise<ExportFile> {
  authorize(caller, "prompts:read");
  const q = parseInput(exportQuerySchema, query);
  const records = await exportRecords(db(), q);
  const filters = [q.phase, q.type, q.active === undefined ? undefined : q.active ? "active" : "inactive"].filter(
    Boolean,
  );
  return {
    format: q.format,
    fileName: `prompts${filters.length ? `-${filters.join("-")}` : ""}.${q.format}.json`,
    count: records.length,
    text: exportDocument(q.format, records),
  };
}
