import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { parseTemplate, renderTemplate } from "./index";

/**
 * The contract with the old system: every template we accept renders exactly like Python's
 * `body.format(**context)` for string values, and everything Python rejects we reject too.
 * Random cases are checked against real python3 in one batch.
 */

interface Case {
  body: string;
  ctx: Record<string, string>;
}
type PythonResult = { ok: true; text: string } | { ok: false; error: string };

const PYTHON = `
import json, sys
cases = json.loads(sys.stdin.buffer.read().decode("utf-8"))
results = []
for case in cases:
    try:
        results.append({"ok": True, "text": case["body"].format(**case["ctx"])})
    except Exception as error:
        results.append({"ok": False, "error": type(error).__name__})
sys.stdout.write(json.dumps(results))
`;

function runPython(cases: Case[]): PythonResult[] {
  const run = spawnSync("python3", ["-c", PYTHON], {
    input: JSON.stringify(cases),
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
  });
  if (run.status !== 0) throw new Error(`python3 failed: ${run.error?.message ?? run.stderr}`);
  return JSON.parse(run.stdout) as PythonResult[];
}

/** Small seeded PRNG (mulberry32) so a failure reproduces. */
function rng(seed: number) {
  let a = seed;
  const next = () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)] as T;
  return { next, pick, int: (max: number) => Math.floor(next() * max) };
}

const KEYS = ["a", "user_name", "_x1", "B", "current_message", "k9"];
// Characters that are special only inside a field, plus unicode, surrogate pairs and line breaks.
const TEXT = [
  "Hello",
  " ",
  "world",
  ":",
  "!",
  ".",
  "[0]",
  '"q"',
  "'",
  "0",
  "\n",
  "\r\n",
  "\t",
  "héllo",
  "日本語",
  "😀",
  "e\u0301",
  "-",
  "#",
];
const MALFORMED = [
  "{",
  "}",
  "{}",
  "{0}",
  "{1.x}",
  "{a:>10}",
  "{a!r}",
  "{a!s:^3}",
  "{a.b}",
  "{a[0]}",
  '{"message": "hi"}',
  "{user name}",
  "{ a }",
  "{a",
  "a}",
  "{{{",
  "}}}",
  "{a:{B}}",
  "{:d}",
  "{!r}",
  "{a!}",
  "{a!x}",
  "{\n}",
  "{a{b}}",
  "{[}",
  "{a[}",
  "{-1}",
  "{a:",
  "{é}",
  "{a }",
  '{\n  "k": {"v": [1, 2]}\n}',
  "{a:b} }",
];

function randomText(r: ReturnType<typeof rng>): string {
  let text = "";
  for (let n = 1 + r.int(4); n > 0; n--) text += r.pick(TEXT);
  return text;
}

function randomValidTokens(r: ReturnType<typeof rng>): string[] {
  const tokens: string[] = [];
  for (let n = r.int(16); n > 0; n--) {
    const roll = r.next();
    tokens.push(roll < 0.45 ? randomText(r) : roll < 0.6 ? "{{" : roll < 0.75 ? "}}" : `{${r.pick(KEYS)}}`);
  }
  return tokens;
}

function randomContext(r: ReturnType<typeof rng>, keys: readonly string[]): Record<string, string> {
  const ctx: Record<string, string> = {};
  for (const key of keys) ctx[key] = r.next() < 0.1 ? "" : r.pick(["{a}", "}{", ...TEXT]) + randomText(r);
  if (r.next() < 0.3) ctx.unused_extra = "x";
  return ctx;
}

function generateCases(seed: number) {
  const r = rng(seed);
  const fixed = ["", "{{", "}}", "{a}", "{{a}}", "{{{a}}}", "\r\n{a}\r", "{a}{a}{B}", "}}{{"];
  const valid: Case[] = fixed.map((body) => ({ body, ctx: randomContext(r, KEYS) }));
  while (valid.length < 400) valid.push({ body: randomValidTokens(r).join(""), ctx: randomContext(r, KEYS) });

  const malformed: Case[] = [];
  while (malformed.length < 300) {
    const tokens = randomValidTokens(r);
    for (let n = 1 + r.int(3); n > 0; n--) tokens.splice(r.int(tokens.length + 1), 0, r.pick(MALFORMED));
    const body = tokens.join("");
    const ctx = randomContext(r, KEYS);
    // Inserted fragments can merge with neighbours into a new valid {key}; the caller contract is
    // that accepted keys are present, so give them values (else Python's KeyError is expected).
    const parsed = parseTemplate(body);
    if (parsed.ok) for (const key of parsed.keys) ctx[key] ??= "v";
    malformed.push({ body, ctx });
  }
  return { valid, malformed };
}

describe("Python str.format compatibility", () => {
  const { valid, malformed } = generateCases(20240611);
  const python = runPython([...valid, ...malformed]);
  const pythonValid = python.slice(0, valid.length);
  const pythonMalformed = python.slice(valid.length);

  it("renders every generated valid template exactly like Python", () => {
    const mismatches = valid.flatMap<unknown>((c, index) => {
      const parsed = parseTemplate(c.body);
      const expected = pythonValid[index];
      if (!parsed.ok || !expected?.ok) return [{ body: c.body, ours: parsed.ok, python: expected }];
      const ours = renderTemplate(parsed.parts, c.ctx);
      return ours === expected.text ? [] : [{ body: c.body, ours, python: expected.text }];
    });
    expect(mismatches).toEqual([]);
  });

  it("rejects every malformed template Python rejects, and matches Python on the rest", () => {
    const mismatches = malformed.flatMap<unknown>((c, index) => {
      const parsed = parseTemplate(c.body);
      const expected = pythonMalformed[index];
      if (!parsed.ok) return [];
      if (!expected?.ok) return [{ body: c.body, weAccepted: true, python: expected }];
      const ours = renderTemplate(parsed.parts, c.ctx);
      return ours === expected.text ? [] : [{ body: c.body, ours, python: expected.text }];
    });
    expect(mismatches).toEqual([]);
  });

  it("actually exercises Python's ValueError, KeyError and IndexError paths", () => {
    const errors = new Set(pythonMalformed.flatMap((result) => (result.ok ? [] : [result.error])));
    expect([...errors]).toEqual(expect.arrayContaining(["ValueError", "KeyError", "IndexError"]));
    expect(pythonMalformed.filter((result) => !result.ok).length).toBeGreaterThan(200);
  });
});
