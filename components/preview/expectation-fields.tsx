"use client";

import type { Expectations } from "@/lib/domain/schemas/checks";

/** The form's text for a sample's expectations: phrases one per line, the budget as typed. */
export interface ExpectationText {
  contains: string;
  notContains: string;
  maxChars: string;
}

export function expectationText(e: Expectations | undefined): ExpectationText {
  return {
    contains: (e?.contains ?? []).join("\n"),
    notContains: (e?.notContains ?? []).join("\n"),
    maxChars: e?.maxChars === undefined ? "" : String(e.maxChars),
  };
}

const lines = (text: string) =>
  text
    .split("\n")
    .map((l) => l.trim())
    .filter(Boolean);

/** What is sent on save; the server's schema (the same zod schema as the API's) judges it. */
export function expectationsFromText(t: ExpectationText): Expectations {
  const contains = lines(t.contains);
  const notContains = lines(t.notContains);
  const max = t.maxChars.trim();
  return {
    ...(contains.length && { contains }),
    ...(notContains.length && { notContains }),
    ...(max && { maxChars: Number(max) }),
  };
}

/**
 * Expectations a sample asserts on the assembled text of every version it checks (the editor's live
 * checks, and a release's checks before approval).
 */
export function ExpectationFields({
  value,
  onChange,
}: {
  value: ExpectationText;
  onChange: (v: ExpectationText) => void;
}) {
  const count = Object.keys(expectationsFromText(value)).length;
  return (
    <details className="sample-expectations">
      <summary>Expectations{count ? ` (${count} set)` : ""}: checked on every version</summary>
      <label>
        Must contain (one phrase per line)
        <textarea rows={2} value={value.contains} onChange={(e) => onChange({ ...value, contains: e.target.value })} />
      </label>
      <label>
        Must not contain (one phrase per line)
        <textarea
          rows={2}
          value={value.notContains}
          onChange={(e) => onChange({ ...value, notContains: e.target.value })}
        />
      </label>
      <label>
        At most this many characters
        <input
          type="number"
          min={1}
          inputMode="numeric"
          value={value.maxChars}
          onChange={(e) => onChange({ ...value, maxChars: e.target.value })}
        />
      </label>
    </details>
  );
}
