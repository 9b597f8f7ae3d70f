import { parseTemplate } from "@/lib/domain/template";

/**
 * The preview form's fields: every context key the assembled prompt uses, as production sends it —
 * the required keys, any other key the body places, and the keys assembly adds as sections of their
 * own (user notes; the recent conversation, which the sentinel does not get).
 */
export function previewFieldKeys(prompt: {
  body: string;
  requiredContextKeys: readonly string[];
  promptType?: string;
}): string[] {
  const parsed = parseTemplate(prompt.body);
  const sections = prompt.promptType === "sentinel" ? ["user_notes"] : ["user_notes", "recent_messages"];
  return [...new Set([...prompt.requiredContextKeys, ...(parsed.ok ? parsed.keys : []), ...sections])];
}
