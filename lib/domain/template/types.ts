/** Shapes shared by the template parser, renderer and linter. */

export type TemplatePart =
  /** Literal text with `{{` and `}}` already turned into single braces. */
  | { kind: "text"; text: string }
  /** A `{key}` field: 1-based line/column of the "{", 0-based offset, length including both braces. */
  | { kind: "placeholder"; key: string; line: number; column: number; offset: number; length: number };

export type TemplateErrorCode =
  | "unbalanced_brace"
  | "empty_placeholder"
  | "positional_placeholder"
  | "format_spec"
  | "conversion"
  | "attribute_access"
  /** Anything else between braces, typically literal JSON like `{"a": 1}` that should use `{{ }}`. */
  | "invalid_placeholder";

export interface TemplateSyntaxError {
  code: TemplateErrorCode;
  message: string;
  line: number;
  column: number;
  offset: number;
  length: number;
}

export type ParsedTemplate =
  { ok: true; parts: TemplatePart[]; keys: string[] } | { ok: false; errors: TemplateSyntaxError[] };

export type ValidTemplate = Extract<ParsedTemplate, { ok: true }>;
