import type { ActionWordings } from "../action-instructions";
import { preparePrompt } from "../assembly";
import { CONTEXT_KEY_VALUES, PHASES, SYSTEM_CONTEXT_PHASE, type ActionType } from "../catalog";
import { isAppError } from "../errors";

/**
 * What production serves, written by `npm run prompts:snapshot` for clients that must keep answering
 * when the server cannot be reached (clients/python). It holds, per served prompt, everything resolve
 * computes once per version (the parsed template, the action sections, the response format), so a
 * client only renders the context into it, the same per-request work resolve does
 * (lib/domain/assembly/assemble.ts assemblePrepared): the answer is identical to the server's.
 * A change of this layout that an older client would misread increments SNAPSHOT_FORMAT_VERSION.
 */
export const SNAPSHOT_FORMAT_VERSION = 1;

export type SnapshotPart = { text: string } | { key: string };

export interface SnapshotPrompt {
  prompt: { id: string; phase: string | null; version: number; name: string | null; promptType: string };
  allowedActions: string[];
  requiredContextKeys: string[];
  /** The body as stored, for people reading the file; clients render `parts`. */
  body: string;
  /** The body parsed: literal text ({{ }} already resolved) and placeholders, in order. */
  parts: SnapshotPart[];
  /** Laid out as body, user notes, actions (no system context, no conversation). */
  sentinel: boolean;
  responseFormat: Record<string, unknown>;
  /** The actions section per provider; null when the prompt allows no actions. */
  actionsText: { openai: string; anthropic: string } | null;
  /** The response schema as text (appended for anthropic). */
  schemaText: string;
  /** Set instead of the prepared fields when the stored body does not parse (resolve answers this error). */
  error?: { code: string; message: string; details: unknown };
}

export interface Snapshot {
  formatVersion: number;
  generatedAt: string;
  /** Enum name → stored value, for callers that pass "IDENTITY_WARMUP". */
  phaseNames: Record<string, string>;
  contextKeys: string[];
  /** The system-context phase's value: its prompt frames every other phase's answer. */
  systemContextPhase: string;
  /** The highest active version of every phase and prompt type (phase null: phase-less prompts). */
  prompts: SnapshotPrompt[];
  /** The served wording of every action (for reference; already part of each prompt's texts). */
  actions: Record<string, { version: number; instruction: string; fieldDescriptions: Record<string, string> }>;
}

export interface ServedRow {
  id: string;
  coachingPhase: string | null;
  version: number;
  name: string | null;
  promptType: string;
  body: string;
  requiredContextKeys: string[];
  allowedActions: string[];
}

export function buildSnapshot(input: {
  prompts: readonly ServedRow[];
  wordings: ActionWordings;
  actionVersions: Readonly<Record<string, number>>;
  generatedAt: Date;
}): Snapshot {
  return {
    formatVersion: SNAPSHOT_FORMAT_VERSION,
    generatedAt: input.generatedAt.toISOString(),
    phaseNames: Object.fromEntries(PHASES.map((p) => [p.name, p.value])),
    contextKeys: [...CONTEXT_KEY_VALUES],
    systemContextPhase: SYSTEM_CONTEXT_PHASE,
    prompts: input.prompts.map((row) => snapshotPrompt(row, input.wordings)),
    actions: Object.fromEntries(
      Object.entries(input.wordings).map(([type, w]) => [
        type,
        {
          version: input.actionVersions[type] ?? 0,
          instruction: w!.instruction,
          fieldDescriptions: { ...w!.fieldDescriptions },
        },
      ]),
    ),
  };
}

function snapshotPrompt(row: ServedRow, wordings: ActionWordings): SnapshotPrompt {
  const base = {
    prompt: { id: row.id, phase: row.coachingPhase, version: row.version, name: row.name, promptType: row.promptType },
    allowedActions: [...row.allowedActions],
    requiredContextKeys: [...row.requiredContextKeys],
    body: row.body,
  };
  try {
    const prepared = preparePrompt(
      {
        body: row.body,
        requiredContextKeys: row.requiredContextKeys,
        allowedActions: row.allowedActions as ActionType[],
        promptType: row.promptType,
      },
      wordings,
    );
    return {
      ...base,
      parts: prepared.template.parts.map((p) => (p.kind === "text" ? { text: p.text } : { key: p.key })),
      sentinel: prepared.sentinel,
      responseFormat: prepared.responseFormat,
      actionsText: prepared.actionsText,
      schemaText: prepared.schemaText,
    };
  } catch (error) {
    if (!isAppError(error)) throw error;
    return {
      ...base,
      parts: [],
      sentinel: row.promptType === "sentinel",
      responseFormat: {},
      actionsText: null,
      schemaText: "",
      error: { code: error.code, message: error.message, details: error.details },
    };
  }
}
