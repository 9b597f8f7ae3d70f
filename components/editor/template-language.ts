import type * as Monaco from "monaco-editor/editor/editor.api.js";

export const TEMPLATE_LANGUAGE = "pm-template";
export const TEMPLATE_THEME = "pm-light";

export interface KeyInfo {
  value: string;
  label: string;
  description: string;
}

/** One look for template syntax in the editor, read-only views and diffs. */
// Dark enough for 4.5:1 on white and on the diff editor's green and red line backgrounds.
export const PLACEHOLDER_COLORS = { known: "1a44b8", unknown: "8f3d00", escape: "6a2f8a", invalid: "a61e1e" } as const;

/** Monaco options every template view shares (editor, read-only, diff): one look everywhere. */
export const TEMPLATE_VIEW_OPTIONS = {
  bracketPairColorization: { enabled: false },
  guides: { bracketPairs: false, indentation: false },
  matchBrackets: "never",
  fontSize: 14,
} as const;

let registered = false;

/**
 * Our prompt templates as a Monaco language (Python str.format rules): catalog keys in braces are
 * highlighted as placeholders, other single braces as unknown, `{{` `}}` as escapes; typing `{`
 * offers the catalog's context keys with their descriptions, and hovering a placeholder explains it.
 * Registered once per page: languages are global to Monaco.
 */
export function registerTemplateLanguage(monaco: typeof Monaco, keys: readonly KeyInfo[]): void {
  if (registered) return;
  registered = true;
  const byValue = new Map(keys.map((k) => [k.value, k]));
  const known = new RegExp(`\\{(?:${keys.map((k) => k.value).join("|")})\\}`);

  monaco.languages.register({ id: TEMPLATE_LANGUAGE });
  monaco.languages.setMonarchTokensProvider(TEMPLATE_LANGUAGE, {
    tokenizer: {
      root: [
        [/\{\{|\}\}/, "string.escape"],
        [known, "variable.known"],
        [/\{[A-Za-z_][A-Za-z0-9_]*\}/, "variable.unknown"],
        [/[{}]/, "invalid"],
        [/^#{1,6} .*$/, "keyword.heading"],
        [/[^{}#]+|#/, ""],
      ],
    },
  });
  monaco.languages.setLanguageConfiguration(TEMPLATE_LANGUAGE, {
    // No bracket pairs: "{key}" is a placeholder and "{{"/"}}" are escaped braces, not nesting, so no
    // bracket matching or rainbow colours (the tokens above give one look in every view).
    brackets: [],
    colorizedBracketPairs: [],
    autoClosingPairs: [{ open: "{", close: "}" }],
    surroundingPairs: [{ open: "{", close: "}" }],
    wordPattern: /[A-Za-z_][A-Za-z0-9_]*/,
  });
  monaco.editor.defineTheme(TEMPLATE_THEME, {
    base: "vs",
    inherit: true,
    rules: [
      { token: "variable.known", foreground: PLACEHOLDER_COLORS.known },
      { token: "variable.unknown", foreground: PLACEHOLDER_COLORS.unknown, fontStyle: "underline" },
      { token: "string.escape", foreground: PLACEHOLDER_COLORS.escape },
      { token: "invalid", foreground: PLACEHOLDER_COLORS.invalid, fontStyle: "underline" },
      { token: "keyword.heading", foreground: "1d1d21", fontStyle: "bold" },
    ],
    colors: {
      "editorLineNumber.foreground": "#5c5c66",
      // Monaco's default removed-text red, stacked on the removed-line red, leaves a placeholder's blue
      // below 4.5:1 contrast; a lighter tint keeps every token readable (WCAG AA) on deleted text.
      "diffEditor.removedTextBackground": "#ff00001f",
    },
  });

  monaco.languages.registerCompletionItemProvider(TEMPLATE_LANGUAGE, {
    triggerCharacters: ["{"],
    provideCompletionItems(model, position) {
      const line = model.getLineContent(position.lineNumber);
      const word = model.getWordUntilPosition(position);
      const before = line.slice(0, word.startColumn - 1);
      // Only right after a single "{": after "{{" the author is writing a literal brace.
      if (!before.endsWith("{") || before.endsWith("{{")) return { suggestions: [] };
      // Typing "{" auto-closes it: "{|}". Replace through that "}" and insert it again, so accepting a
      // key leaves the caret after the brace ("{key}|") and typing on never lands inside it.
      const closed = line.charAt(word.endColumn - 1) === "}";
      const range = new monaco.Range(
        position.lineNumber,
        word.startColumn,
        position.lineNumber,
        word.endColumn + (closed ? 1 : 0),
      );
      return {
        suggestions: keys.map((k) => ({
          label: { label: k.value, description: k.label },
          kind: monaco.languages.CompletionItemKind.Variable,
          detail: k.label,
          documentation: k.description,
          insertText: `${k.value}}`,
          // The typed text before the caret filters the list; the replaced "}" must not.
          filterText: k.value,
          range,
        })),
      };
    },
  });

  monaco.languages.registerHoverProvider(TEMPLATE_LANGUAGE, {
    provideHover(model, position) {
      const word = model.getWordAtPosition(position);
      if (!word) return null;
      const line = model.getLineContent(position.lineNumber);
      if (line.charAt(word.startColumn - 2) !== "{" || line.charAt(word.endColumn - 1) !== "}") return null;
      const key = byValue.get(word.word);
      return {
        range: new monaco.Range(position.lineNumber, word.startColumn - 1, position.lineNumber, word.endColumn + 1),
        contents: key
          ? [{ value: `**${key.value}** — ${key.label}` }, { value: key.description }]
          : [{ value: `**${word.word}** is not a catalog context key` }],
      };
    },
  });
}
