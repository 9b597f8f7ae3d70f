import { AppError } from "../errors";
import { classifyField } from "./classify-field";
import { createLocator } from "./positions";
import type { ParsedTemplate, TemplatePart, TemplateSyntaxError, ValidTemplate } from "./types";

const OPEN = 123; // {
const CLOSE = 125; // }
const COLON = 58; // :
const BANG = 33; // !

/**
 * Parses a prompt body with Python `str.format` rules (the old system ran `body.format(**context)`),
 * accepting only `{identifier}` fields plus `{{`/`}}` escapes. One left-to-right pass, no regex over
 * the body, and it keeps going after an error so the editor can show every problem at once.
 */
export function parseTemplate(body: string): ParsedTemplate {
  const parts: TemplatePart[] = [];
  const errors: TemplateSyntaxError[] = [];
  const keys: string[] = [];
  const seenKeys = new Set<string>();
  const locate = createLocator(body);
  let closers: Int32Array | undefined; // only malformed fields need brace matching; computed once, lazily
  let text = ""; // literal text of the current text part, escapes already resolved
  let runStart = 0; // start of raw text not yet copied into `text`
  const n = body.length;
  let i = 0;

  const addError = (code: TemplateSyntaxError["code"], message: string, offset: number, length: number) => {
    errors.push({ code, message, ...locate(offset), offset, length });
  };

  while (i < n) {
    const c = body.charCodeAt(i);
    if (c !== OPEN && c !== CLOSE) {
      i++;
      continue;
    }
    text += body.slice(runStart, i);
    if (body.charCodeAt(i + 1) === c) {
      text += c === OPEN ? "{" : "}";
      i += 2;
      runStart = i;
      continue;
    }
    if (c === CLOSE) {
      addError("unbalanced_brace", "Single '}' is not allowed; use }} for a literal brace", i, 1);
      runStart = ++i;
      continue;
    }

    // A field starts at i. Like Python, its name runs up to the first "}", ":", "!" or "{".
    let nameEnd = i + 1;
    while (nameEnd < n) {
      const d = body.charCodeAt(nameEnd);
      if (d === OPEN || d === CLOSE || d === COLON || d === BANG) break;
      nameEnd++;
    }
    let end: number; // index just past the field's closing "}"
    if (nameEnd < n && body.charCodeAt(nameEnd) === CLOSE) {
      end = nameEnd + 1;
    } else {
      // Spec, conversion or nested braces: like Python's format-spec scan, the field closes at the
      // "}" that balances its "{". That swallows literal JSON such as {"a": {"b": 1}} whole, so it
      // is reported once instead of as a cascade of stray braces.
      closers ??= matchBraces(body);
      const close = nameEnd < n ? (closers[i] ?? -1) : -1;
      if (close < 0) {
        addError("unbalanced_brace", "'{' is never closed; use {{ for a literal brace", i, 1);
        // Resume where the name stopped: the name's text cannot hold a field, and skipping it
        // (rather than restarting at i + 1) keeps the whole scan linear.
        i = nameEnd < n && body.charCodeAt(nameEnd) === OPEN ? nameEnd : nameEnd + 1;
        runStart = i;
        continue;
      }
      end = close + 1;
    }

    const verdict = classifyField(body.slice(i, end), body.slice(i + 1, nameEnd), body.slice(nameEnd, end - 1));
    if (verdict.ok) {
      if (text !== "") parts.push({ kind: "text", text });
      text = "";
      parts.push({ kind: "placeholder", key: verdict.key, ...locate(i), offset: i, length: end - i });
      if (!seenKeys.has(verdict.key)) {
        seenKeys.add(verdict.key);
        keys.push(verdict.key);
      }
    } else {
      addError(verdict.code, verdict.message, i, end - i);
    }
    i = end;
    runStart = i;
  }

  if (errors.length > 0) return { ok: false, errors };
  text += body.slice(runStart);
  if (text !== "") parts.push({ kind: "text", text });
  return { ok: true, parts, keys };
}

/** Parses or throws `invalid_template` whose message points at the first error. */
export function assertValidTemplate(body: string): ValidTemplate {
  const parsed = parseTemplate(body);
  if (parsed.ok) return parsed;
  const [first] = parsed.errors;
  const where = first ? `${first.message} at line ${first.line}, column ${first.column}` : "Invalid template";
  throw new AppError("invalid_template", where, { errors: parsed.errors });
}

/**
 * For every "{", the index of the "}" that balances it (-1 if none), counting raw braces the way
 * Python's format-spec scan does. One stack pass, so repeated malformed fields never rescan.
 */
function matchBraces(body: string): Int32Array {
  const closers = new Int32Array(body.length).fill(-1);
  const stack = new Int32Array(body.length);
  let depth = 0;
  for (let k = 0; k < body.length; k++) {
    const c = body.charCodeAt(k);
    if (c === OPEN) stack[depth++] = k;
    else if (c === CLOSE && depth > 0) closers[stack[--depth] ?? 0] = k;
  }
  return closers;
}
