/**
 * Checks every request input once, before its schema: PostgreSQL cannot store NUL in text (it answers
 * error 22021, which used to surface as a 500), lone UTF-16 surrogates are not text at all (they were
 * silently replaced on the way to the database), and very deep nesting makes recursive code overflow
 * its stack. parseInput (lib/server/services/parse-input.ts) runs this on every service's input.
 */
export const MAX_INPUT_DEPTH = 32;

const UNSAFE_TEXT = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** True when a string can be stored and compared as text: no NUL, no lone surrogate. */
export function isSafeText(value: string): boolean {
  return !UNSAFE_TEXT.test(value);
}

export const UNSAFE_TEXT_MESSAGE = "Text must not contain NUL characters or unpaired UTF-16 surrogates";

export interface InputProblem {
  path: string;
  message: string;
  code: "unsafe_text" | "too_deep";
}

/** The first problem in a JSON-like value (strings, object keys, nesting depth), or null. */
export function findInputProblem(input: unknown, maxDepth = MAX_INPUT_DEPTH): InputProblem | null {
  // Iterative on purpose: the point is to survive inputs deep enough to overflow a recursive walk.
  const stack: { value: unknown; path: string; depth: number }[] = [{ value: input, path: "", depth: 0 }];
  while (stack.length > 0) {
    const { value, path, depth } = stack.pop()!;
    if (typeof value === "string") {
      if (!isSafeText(value)) return { path, message: UNSAFE_TEXT_MESSAGE, code: "unsafe_text" };
      continue;
    }
    if (value === null || typeof value !== "object") continue;
    if (depth >= maxDepth)
      return { path, message: `Values may be nested at most ${maxDepth} levels deep`, code: "too_deep" };
    const entries = Array.isArray(value) ? value.entries() : Object.entries(value as Record<string, unknown>);
    for (const [key, child] of entries) {
      const childPath = path ? `${path}.${key}` : String(key);
      if (typeof key === "string" && !isSafeText(key))
        return { path: childPath, message: UNSAFE_TEXT_MESSAGE, code: "unsafe_text" };
      stack.push({ value: child, path: childPath, depth: depth + 1 });
    }
  }
  return null;
}
