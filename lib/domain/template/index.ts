/** Prompt bodies in Python `str.format` syntax: parse, validate, render and lint. */
export type { ParsedTemplate, TemplateErrorCode, TemplatePart, TemplateSyntaxError, ValidTemplate } from "./types";
export { parseTemplate, assertValidTemplate } from "./parse";
export { assertServableTemplate } from "./servable";
export { formatValue, renderTemplate } from "./render";
export { lintTemplate, type LintFinding } from "./lint";
