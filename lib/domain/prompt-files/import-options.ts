import { PHASE_VALUES, PROMPT_TYPE_VALUES, isActionType, isContextKey } from "../catalog";
import type { ImportOptions, ImportProblem, InvalidTemplatePolicy, UnknownValueKind } from "../schemas/import";

/**
 * The user's explicit decisions for values the catalog does not know: map one to a catalog value,
 * or drop it from the list it is in. Only unknown values are affected; known values never change.
 */
export interface ResolvedOptions {
  mappings: ReadonlyMap<string, string>;
  drops: ReadonlySet<string>;
  invalidTemplates: InvalidTemplatePolicy;
}

const KIND_LABEL: Record<UnknownValueKind, string> = {
  phase: "coaching phase",
  contextKey: "context key",
  action: "action",
  promptType: "prompt type",
};

export function isCatalogValue(kind: UnknownValueKind, value: string): boolean {
  switch (kind) {
    case "phase":
      return (PHASE_VALUES as readonly string[]).includes(value);
    case "contextKey":
      return isContextKey(value);
    case "action":
      return isActionType(value);
    case "promptType":
      return (PROMPT_TYPE_VALUES as readonly string[]).includes(value);
  }
}

const KINDS = Object.keys(KIND_LABEL) as UnknownValueKind[];

/** Checks the options on their own: every target must be some catalog value; nothing both mapped and dropped. */
export function resolveOptions(options: ImportOptions): { resolved: ResolvedOptions; problems: ImportProblem[] } {
  const problems: ImportProblem[] = [];
  for (const [from, to] of Object.entries(options.mappings)) {
    if (!KINDS.some((kind) => isCatalogValue(kind, to))) {
      problems.push(
        optionProblem(
          "unknown_map_target",
          "error",
          from,
          `Cannot map "${from}" to "${to}": "${to}" is not in the catalog`,
        ),
      );
    }
    if (options.drops.includes(from)) {
      problems.push(optionProblem("map_and_drop", "error", from, `"${from}" is both mapped and dropped; choose one`));
    }
  }
  return {
    resolved: {
      mappings: new Map(Object.entries(options.mappings)),
      drops: new Set(options.drops),
      invalidTemplates: options.invalidTemplates,
    },
    problems,
  };
}

/** Options that matched no unknown value in the file: probably a typo, so say so. */
export function unusedOptionProblems(resolved: ResolvedOptions, used: ReadonlySet<string>): ImportProblem[] {
  const problems: ImportProblem[] = [];
  for (const [from, to] of resolved.mappings) {
    if (!used.has(from))
      problems.push(
        optionProblem(
          "unused_option",
          "warning",
          from,
          `Mapping "${from}" → "${to}" matched no unknown value in the file`,
        ),
      );
  }
  for (const value of resolved.drops) {
    if (!used.has(value))
      problems.push(
        optionProblem("unused_option", "warning", value, `Dropping "${value}" matched no unknown value in the file`),
      );
  }
  return problems;
}

export type ValueOutcome =
  /** Known, or mapped to a known value (`mappedFrom` set). */
  | { kind: "keep"; value: string; mappedFrom: string | null }
  | { kind: "drop" }
  /** Unknown and not (validly) resolved: the row is blocked. */
  | { kind: "refuse"; code: string; message: string };

/** What happens to one enum value of a row under the options. `scalar` values (phase, type) cannot be dropped. */
export function resolveValue(
  kind: UnknownValueKind,
  value: string,
  options: ResolvedOptions,
  scalar: boolean,
): ValueOutcome {
  if (isCatalogValue(kind, value)) return { kind: "keep", value, mappedFrom: null };
  const label = KIND_LABEL[kind];
  const target = options.mappings.get(value);
  if (target !== undefined) {
    if (isCatalogValue(kind, target)) return { kind: "keep", value: target, mappedFrom: value };
    return {
      kind: "refuse",
      code: "invalid_mapping",
      message: `"${value}" is mapped to "${target}", which is not a ${label}`,
    };
  }
  if (options.drops.has(value)) {
    if (!scalar) return { kind: "drop" };
    return {
      kind: "refuse",
      code: "invalid_mapping",
      message: `"${value}" cannot be dropped: every prompt has a ${label}; map it to one`,
    };
  }
  const code = `unknown_${kind === "contextKey" ? "context_key" : kind === "promptType" ? "prompt_type" : kind}`;
  return {
    kind: "refuse",
    code,
    message: `Unknown ${label} "${value}"; map it to a catalog value${scalar ? "" : " or drop it"}`,
  };
}

function optionProblem(
  code: string,
  severity: ImportProblem["severity"],
  value: string,
  message: string,
): ImportProblem {
  return { row: null, field: null, code, severity, message, value, line: null, column: null };
}
