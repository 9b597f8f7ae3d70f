import { parseTemplate } from "../template";

/**
 * Every required key or body placeholder the context does not provide (absent, undefined or null),
 * sorted and unique, so one error can list all of them. A body that does not parse contributes no
 * placeholders; its syntax errors are reported separately.
 */
export function missingContextKeys(
  prompt: { body: string; requiredContextKeys: readonly string[] },
  context: Readonly<Record<string, unknown>>,
): string[] {
  const parsed = parseTemplate(prompt.body);
  return missingFrom([...prompt.requiredContextKeys, ...(parsed.ok ? parsed.keys : [])], context);
}

export function missingFrom(keys: readonly string[], context: Readonly<Record<string, unknown>>): string[] {
  const missing = new Set<string>();
  for (const key of keys) if (!hasValue(context, key)) missing.add(key);
  return [...missing].sort();
}

/** Own properties only, so keys like "constructor" are not found on Object's prototype. */
export function hasValue(context: Readonly<Record<string, unknown>>, key: string): boolean {
  if (!Object.hasOwn(context, key)) return false;
  const value = context[key];
  return value !== undefined && value !== null;
}
