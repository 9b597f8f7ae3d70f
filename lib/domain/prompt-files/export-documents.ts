import {
  DJANGO_MODEL,
  NATIVE_FORMAT,
  NATIVE_FORMAT_VERSION,
  type ExportFormat,
  type PromptRecord,
} from "../schemas/prompt-files";
import { toDjangoTimestamp } from "./timestamps";

/**
 * Export files are deterministic: the same versions always give the same bytes (stable order, fixed
 * key order, canonical timestamps, no export date), so export → import → export is byte-identical
 * and two exports can be compared with diff.
 */

/** Phase-less prompts first, then phases by stored value, then version: the old fixture's order too. */
export function sortForExport(records: readonly PromptRecord[]): PromptRecord[] {
  return [...records].sort((a, b) => {
    if (a.coachingPhase !== b.coachingPhase) {
      if (a.coachingPhase === null) return -1;
      if (b.coachingPhase === null) return 1;
      return a.coachingPhase < b.coachingPhase ? -1 : 1;
    }
    return a.version - b.version;
  });
}

export function nativeDocument(records: readonly PromptRecord[]): string {
  const prompts = sortForExport(records).map((r) => ({
    id: r.id,
    coachingPhase: r.coachingPhase,
    version: r.version,
    name: r.name,
    description: r.description,
    body: r.body,
    requiredContextKeys: r.requiredContextKeys,
    allowedActions: r.allowedActions,
    promptType: r.promptType,
    isActive: r.isActive,
    createdAt: r.createdAt,
    updatedAt: r.updatedAt,
  }));
  return `${JSON.stringify({ format: NATIVE_FORMAT, formatVersion: NATIVE_FORMAT_VERSION, prompts }, null, 2)}\n`;
}

/**
 * The old system's `dumpdata --indent 2` layout, field order included, so `loaddata` takes it back.
 * Django's CharField/TextField hold "" where we hold NULL. Like the fixture, no final newline.
 */
export function djangoDocument(records: readonly PromptRecord[]): string {
  const rows = sortForExport(records).map((r) => ({
    model: DJANGO_MODEL,
    pk: r.id,
    fields: {
      coaching_phase: r.coachingPhase,
      version: r.version,
      name: r.name ?? "",
      description: r.description ?? "",
      body: r.body,
      required_context_keys: r.requiredContextKeys,
      allowed_actions: r.allowedActions,
      is_active: r.isActive,
      created_at: toDjangoTimestamp(r.createdAt),
      updated_at: toDjangoTimestamp(r.updatedAt),
      prompt_type: r.promptType,
    },
  }));
  return JSON.stringify(rows, null, 2);
}

export function exportDocument(format: ExportFormat, records: readonly PromptRecord[]): string {
  return format === "django" ? djangoDocument(records) : nativeDocument(records);
}
