import { describe, expect, it } from "vitest";
import { normalizeTimestamp, toDjangoTimestamp } from "./index";

describe("normalizeTimestamp", () => {
  it.each([
    ["2025-06-17T12:48:24.582447+00", "2025-06-17T12:48:24.582447Z"], // PostgreSQL text, as in the old fixture
    ["2025-07-02T12:53:29.18865+00", "2025-07-02T12:53:29.188650Z"],
    ["2025-06-17T12:48:24.582Z", "2025-06-17T12:48:24.582000Z"], // Django's DjangoJSONEncoder
    ["2025-06-17T12:48:24Z", "2025-06-17T12:48:24.000000Z"],
    ["2025-06-17 14:48:24.5+02:00", "2025-06-17T12:48:24.500000Z"],
    ["2025-01-01T00:30:00.000001-0130", "2025-01-01T02:00:00.000001Z"],
    ["2024-12-31T23:59:59.999999-01", "2025-01-01T00:59:59.999999Z"], // crosses a year, keeps microseconds
    ["2024-02-29T00:00:00z", "2024-02-29T00:00:00.000000Z"],
  ])("%s → %s", (input, expected) => {
    expect(normalizeTimestamp(input)).toBe(expected);
  });

  it.each([
    "2025-06-17T12:48:24", // no time zone: ambiguous, refused
    "2025-02-29T00:00:00Z", // not a leap year
    "2025-06-17T24:00:00Z",
    "2025-06-17T12:48:24.1234567Z", // beyond microseconds
    "2025-06-17T12:48:24+25",
    "17/06/2025 12:48",
    "",
  ])("refuses %j", (input) => {
    expect(normalizeTimestamp(input)).toBeNull();
  });
});

describe("toDjangoTimestamp", () => {
  it.each([
    ["2025-06-17T12:48:24.582447Z", "2025-06-17T12:48:24.582447+00"],
    ["2025-07-02T12:53:29.188650Z", "2025-07-02T12:53:29.18865+00"],
    ["2025-07-02T12:53:29.000000Z", "2025-07-02T12:53:29+00"],
  ])("%s → %s, and back", (canonical, django) => {
    expect(toDjangoTimestamp(canonical)).toBe(django);
    expect(normalizeTimestamp(django)).toBe(canonical);
  });
});
