/** What differs between two prompt versions besides the body, for the diff view and the save conflict. */
export interface ComparablePrompt {
  name: string | null;
  description: string | null;
  promptType: string;
  requiredContextKeys: readonly string[];
  allowedActions: readonly string[];
  isActive?: boolean;
}

export type MetaChange =
  | { field: "name" | "description" | "promptType"; from: string | null; to: string | null }
  | { field: "requiredContextKeys" | "allowedActions"; added: string[]; removed: string[] }
  | { field: "isActive"; from: boolean; to: boolean };

export const META_FIELD_LABELS: Record<MetaChange["field"], string> = {
  name: "Name",
  description: "Description",
  promptType: "Type",
  requiredContextKeys: "Required context keys",
  allowedActions: "Allowed actions",
  isActive: "Active",
};

/**
 * Field by field from `a` (older) to `b` (newer). Lists compare as sets: reordering keys changes nothing
 * that resolve does. Blank and null texts count as equal, as the schemas store blank as null.
 */
export function diffPromptMeta(a: ComparablePrompt, b: ComparablePrompt): MetaChange[] {
  const changes: MetaChange[] = [];
  for (const field of ["name", "description", "promptType"] as const) {
    const from = blankToNull(a[field]);
    const to = blankToNull(b[field]);
    if (from !== to) changes.push({ field, from, to });
  }
  for (const field of ["requiredContextKeys", "allowedActions"] as const) {
    const before = new Set(a[field]);
    const after = new Set(b[field]);
    const added = [...after].filter((x) => !before.has(x));
    const removed = [...before].filter((x) => !after.has(x));
    if (added.length || removed.length) changes.push({ field, added, removed });
  }
  if (a.isActive !== undefined && b.isActive !== undefined && a.isActive !== b.isActive) {
    changes.push({ field: "isActive", from: a.isActive, to: b.isActive });
  }
  return changes;
}

function blankToNull(value: string | null): string | null {
  return value === null || value.trim() === "" ? null : value;
}
