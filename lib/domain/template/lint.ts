import { isContextKey } from "../catalog";
import { parseTemplate } from "./parse";
import { createLocator } from "./positions";
import type { TemplateErrorCode } from "./types";

/** Editor diagnostics. Positions are 1-based; endColumn is exclusive, as Monaco markers expect. */
export interface LintFinding {
  code: "unknown_key" | "key_not_required" | "required_key_unused" | TemplateErrorCode;
  severity: "error" | "warning";
  message: string;
  key?: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

/**
 * Syntax errors when the body does not parse (key warnings would be guesses then); otherwise one
 * warning per placeholder occurrence that resolve would not check, plus required keys never placed.
 */
export function lintTemplate(body: string, requiredKeys: readonly string[]): LintFinding[] {
  const parsed = parseTemplate(body);
  const locate = createLocator(body);
  const span = (offset: number, length: number) => {
    const start = locate(offset);
    const end = locate(offset + length);
    return { line: start.line, column: start.column, endLine: end.line, endColumn: end.column };
  };

  if (!parsed.ok) {
    return parsed.errors.map((e) => ({
      code: e.code,
      severity: "error",
      message: e.message,
      ...span(e.offset, e.length),
    }));
  }

  const required = new Set(requiredKeys);
  const findings: LintFinding[] = [];
  for (const part of parsed.parts) {
    if (part.kind !== "placeholder") continue;
    const { key } = part;
    if (!isContextKey(key)) {
      findings.push({
        code: "unknown_key",
        severity: "warning",
        key,
        ...span(part.offset, part.length),
        message: `"${key}" is not a catalog context key; resolve only accepts catalog keys, so this version can never resolve`,
      });
    } else if (!required.has(key)) {
      findings.push({
        code: "key_not_required",
        severity: "warning",
        key,
        ...span(part.offset, part.length),
        message: `Context key "${key}" is used but not required; add it to the required keys so callers know to send it`,
      });
    }
  }

  const placed = new Set(parsed.keys);
  for (const key of new Set(requiredKeys)) {
    if (placed.has(key)) continue;
    findings.push({
      code: "required_key_unused",
      severity: "warning",
      key,
      line: 1,
      column: 1,
      endLine: 1,
      endColumn: 1,
      message: `Required context key "${key}" is never placed in the body`,
    });
  }
  return findings;
}
