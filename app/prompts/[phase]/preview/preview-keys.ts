import { parseTemplate } from "@/lib/domain/template";

/** The preview form's fields: the required keys, then any other key the body places. */
export function previewFieldKeys(prompt: { body: string; requiredContextKeys: readonly string[] }): string[] {
  const parsed = parseTemplate(prompt.body);
  return [...new Set([...prompt.requiredContextKeys, ...(parsed.ok ? parsed.keys : [])])];
}
