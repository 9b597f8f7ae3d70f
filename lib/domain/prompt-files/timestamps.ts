/**
 * Timestamps in prompt files. Stored values are PostgreSQL timestamptz (microsecond precision), so
 * files carry them as text and we never route them through JS Date's milliseconds: an import keeps
 * the old system's `12:48:24.582447` and an export writes it back unchanged.
 *
 * Canonical form (native files): UTC, six fraction digits, "Z" — `2025-06-17T12:48:24.582447Z`.
 * Django form (the old system's dump): fraction without trailing zeros, "+00" — `…24.5824+00`.
 */

const TIMESTAMP = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,6}))?(Z|[+-]\d{2}(?::?\d{2})?)$/i;

/** Any ISO 8601 / PostgreSQL timestamp with an explicit offset → canonical form; null if invalid. */
export function normalizeTimestamp(text: string): string | null {
  const m = TIMESTAMP.exec(text);
  if (!m) return null;
  const [year, month, day, hour, minute, second] = m.slice(1, 7).map(Number) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  const fraction = (m[7] ?? "").padEnd(6, "0");
  const offsetMinutes = parseOffset(m[8] ?? "Z");
  if (offsetMinutes === null || year < 1) return null;
  const local = Date.UTC(year, month - 1, day, hour, minute, second);
  const check = new Date(local);
  // Date.UTC rolls "02-30" over into March; a timestamp that does not round-trip is not a real one.
  if (
    check.getUTCFullYear() !== year ||
    check.getUTCMonth() !== month - 1 ||
    check.getUTCDate() !== day ||
    check.getUTCHours() !== hour ||
    check.getUTCMinutes() !== minute ||
    check.getUTCSeconds() !== second
  )
    return null;
  // Offsets are whole minutes, so only the seconds part moves; the fraction is carried as digits.
  const utc = new Date(local - offsetMinutes * 60_000).toISOString(); // YYYY-MM-DDTHH:MM:SS.000Z
  if (utc.length !== 24) return null; // years outside 0001–9999
  return `${utc.slice(0, 19)}.${fraction}Z`;
}

function parseOffset(text: string): number | null {
  if (text.toUpperCase() === "Z") return 0;
  const sign = text.startsWith("-") ? -1 : 1;
  const digits = text.slice(1).replace(":", "");
  const hours = Number(digits.slice(0, 2));
  const minutes = Number(digits.slice(2) || "0");
  if (hours > 23 || minutes > 59) return null;
  return sign * (hours * 60 + minutes);
}

/** Canonical → the form the old system's fixture uses (PostgreSQL's text output in UTC). */
export function toDjangoTimestamp(canonical: string): string {
  const seconds = canonical.slice(0, 19);
  const fraction = canonical.slice(20, 26).replace(/0+$/, "");
  return `${seconds}${fraction ? `.${fraction}` : ""}+00`;
}
