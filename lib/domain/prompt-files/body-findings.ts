import { lintTemplate, parseTemplate, type LintFinding } from "../template";

/**
 * Lint findings for an imported body. `lintTemplate` stops at syntax errors (its key warnings would
 * be guesses in an editor); an import report should still name every other problem of the row, so
 * for a body that does not parse we also lint a copy with the broken fields blanked out and add its
 * per-placeholder warnings (e.g. `{current_focus}` two lines below a broken `{user_name)`).
 * "Required key never placed" is left out of that second pass: the broken field may be that key.
 */
export function bodyFindings(body: string, requiredKeys: readonly string[]): LintFinding[] {
  const findings = lintTemplate(body, requiredKeys);
  const parsed = parseTemplate(body);
  if (parsed.ok) return findings;
  const masked = maskSpans(body, parsed.errors);
  if (!parseTemplate(masked).ok) return findings;
  const placeholderWarnings = lintTemplate(masked, requiredKeys).filter(
    (f) => f.code === "unknown_key" || f.code === "key_not_required",
  );
  return [...findings, ...placeholderWarnings].sort((a, b) => a.line - b.line || a.column - b.column);
}

/** Replaces each span with spaces but keeps line breaks, so every later position stays the same. */
function maskSpans(body: string, spans: readonly { offset: number; length: number }[]): string {
  let out = "";
  let from = 0;
  for (const { offset, length } of spans) {
    out += body.slice(from, offset) + body.slice(offset, offset + length).replace(/[^\r\n]/g, " ");
    from = offset + length;
  }
  return out + body.slice(from);
}
