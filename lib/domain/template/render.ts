import { AppError } from "../errors";
import type { TemplatePart } from "./types";

/**
 * How a context value becomes text. The old system only ever sent strings; callers now may send
 * numbers and word lists (who_you_are), so those get the text the old system would have built.
 */
export function formatValue(value: unknown): string {
  if (typeof value === "string") return value;
  if (typeof value === "number" && Number.isFinite(value)) return String(value);
  if (Array.isArray(value) && value.every((item) => typeof item === "string")) return value.join(", ");
  if (typeof value === "bigint") return value.toString(); // JSON.stringify would throw
  try {
    // undefined, functions and symbols have no JSON form; fall back to plain text instead of "undefined" crashes.
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value); // cyclic structures
  }
}

/**
 * Fills parsed parts from the context. Callers check required keys first; this still refuses
 * absent/null values rather than printing "undefined" into a prompt sent to a model.
 */
export function renderTemplate(parts: readonly TemplatePart[], context: Readonly<Record<string, unknown>>): string {
  let out = "";
  for (const part of parts) {
    if (part.kind === "text") {
      out += part.text;
      continue;
    }
    // Own properties only: {constructor} must not render Object's prototype function.
    const value = Object.hasOwn(context, part.key) ? context[part.key] : undefined;
    if (value === undefined || value === null) {
      throw new AppError("missing_context", `Missing context keys: ${part.key}`, { missing: [part.key] });
    }
    out += formatValue(value);
  }
  return out;
}
