import type { TemplateErrorCode } from "./types";

/**
 * Decides what one brace-delimited field means. The scanner has already found where the field
 * ends; here we only look at its inside. Only `{identifier}` is accepted: it is the one form whose
 * Python `str.format` result we reproduce exactly. Everything else gets the most specific error
 * code we can give, so the editor can tell authors what they probably meant.
 */
export type FieldVerdict = { ok: true; key: string } | { ok: false; code: TemplateErrorCode; message: string };

const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;
const IDENTIFIER_PREFIX = /^[A-Za-z_][A-Za-z0-9_]*/;
const DIGITS_PREFIX = /^[0-9]+/;
const CONVERSION = /^[rsa](?::|$)/;

const LITERAL_HINT = "use {{ and }} for literal braces";

/**
 * @param raw the whole field including its braces, for messages
 * @param name the field name: text after "{" up to the first ":", "!", "{" or "}"
 * @param rest what follows the name, without the closing "}": "" or starts with ":", "!" or "{"
 */
export function classifyField(raw: string, name: string, rest: string): FieldVerdict {
  const shown = snippet(raw);
  // A "{" inside the name means nested braces: that is literal text (JSON, code), never a field.
  if (rest.startsWith("{")) return invalid(shown);

  // Python's spec/conversion part never has spaces or quotes; prose and JSON usually do. This is
  // what separates `{a:>10}` (a format spec) from `{message: "hi"}` (literal braces).
  const restIsFormatting = !hasSpaceOrQuote(rest);

  if (name === "") {
    if (!restIsFormatting) return invalid(shown);
    return fail(
      "empty_placeholder",
      `Empty placeholder ${shown}; put a context key inside the braces, or ${LITERAL_HINT}`,
    );
  }
  if (hasSpaceOrQuote(name) || !restIsFormatting) {
    const trimmed = name.trim();
    if (rest === "" && trimmed !== name && IDENTIFIER.test(trimmed)) {
      return fail(
        "invalid_placeholder",
        `Placeholder ${shown} must not contain spaces; write {${trimmed}}, or ${LITERAL_HINT}`,
      );
    }
    return invalid(shown);
  }

  const digits = DIGITS_PREFIX.exec(name)?.[0];
  if (digits !== undefined && isAccessOrEnd(name, digits.length)) {
    return fail(
      "positional_placeholder",
      `Positional placeholder ${shown} is not supported; use a context key such as {user_name}`,
    );
  }
  const ident = IDENTIFIER_PREFIX.exec(name)?.[0];
  if (ident === undefined) return invalid(shown);
  if (ident.length < name.length) {
    if (!isAccessOrEnd(name, ident.length)) return invalid(shown);
    return fail(
      "attribute_access",
      `Attribute or index access in ${shown} is not supported; use a plain context key such as {${ident}}`,
    );
  }

  if (rest === "") return { ok: true, key: name };
  if (rest.startsWith(":")) {
    return fail("format_spec", `Format spec in ${shown} is not supported; write just {${name}}`);
  }
  if (CONVERSION.test(rest.slice(1))) {
    return fail("conversion", `Conversion in ${shown} is not supported; write just {${name}}`);
  }
  return invalid(shown);
}

function invalid(shown: string): FieldVerdict {
  return fail("invalid_placeholder", `Invalid placeholder ${shown}; placeholders are {context_key}, ${LITERAL_HINT}`);
}

function fail(code: TemplateErrorCode, message: string): FieldVerdict {
  return { ok: false, code, message };
}

function isAccessOrEnd(name: string, index: number): boolean {
  const c = name[index];
  return c === undefined || c === "." || c === "[";
}

function hasSpaceOrQuote(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    // space, \t, \n, \v, \f, \r, ", '
    if (c === 32 || (c >= 9 && c <= 13) || c === 34 || c === 39) return true;
  }
  return false;
}

const SNIPPET_MAX = 40;

/** The field as authors typed it, cut to its first line and a readable length. */
function snippet(raw: string): string {
  const newline = raw.search(/[\r\n]/);
  const firstLine = newline === -1 ? raw : raw.slice(0, newline);
  if (firstLine.length === raw.length && raw.length <= SNIPPET_MAX) return raw;
  return `${firstLine.slice(0, SNIPPET_MAX)}…`;
}
