import type { CheckFailure, Expectations } from "../schemas/checks";

/** Characters shown on each side of an unwanted phrase, enough to find it in a long prompt. */
const EXCERPT_RADIUS = 60;

function excerpt(text: string, at: number, length: number): string {
  const start = Math.max(0, at - EXCERPT_RADIUS);
  const end = Math.min(text.length, at + length + EXCERPT_RADIUS);
  return `${start > 0 ? "…" : ""}${text.slice(start, end)}${end < text.length ? "…" : ""}`;
}

/** Every expectation the assembled `text` does not meet, in the order they are written. */
export function unmetExpectations(text: string, expectations: Expectations): CheckFailure[] {
  const failures: CheckFailure[] = [];
  for (const expected of expectations.contains ?? [])
    if (!text.includes(expected))
      failures.push({ kind: "contains", expected, message: `The text does not contain "${expected}"` });
  for (const unexpected of expectations.notContains ?? []) {
    const at = text.indexOf(unexpected);
    if (at >= 0)
      failures.push({
        kind: "not_contains",
        unexpected,
        found: excerpt(text, at, unexpected.length),
        message: `The text contains "${unexpected}"`,
      });
  }
  const max = expectations.maxChars;
  if (max !== undefined && text.length > max)
    failures.push({
      kind: "max_chars",
      maxChars: max,
      chars: text.length,
      message: `The text has ${text.length} characters, more than the ${max} allowed`,
    });
  return failures;
}
