import type * as Monaco from "monaco-editor/editor/editor.api.js";

export const TEMPLATE_LANGUAGE = "pm-template";
export const TEMPLATE_THEME = "pm-light";

export interface KeyInfo {
  value: string;
  label: string;
  description: string;
}

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
    brackets: [["{", "}"]],
    autoClosingPairs: [{ open: "{", close: "}" }],
    surroundingPairs: [{ open: "{", close: "}" }],
    wordPattern: /[A-Za-z_][A-Za-z0-9_]*/,
  });
  monaco.editor.defineTheme(TEMPLATE_THEME, {
    base: "vs",
    inherit: true,
    rules: [
      { token: "variable.known", foreground: "1b4fd6", fontStyle: "bold" },
      { token: "variable.unknown", foreground: "a34700", fontStyle: "bold underline" },
      { token: "string.escape", foreground: "7a3e9d" },
      { token: "invalid", foreground: "c92a2a", fontStyle: "bold" },
      { token: "keyword.heading", foreground: "1d1d21", fontStyle: "bold" },
    ],
    colors: { "editorLineNumber.foreground": "#5c5c66" },
  });

  monaco.languages.registerCompletionItemProvider(TEMPLATE_LANGUAGE, {
    triggerCharacters: ["{"],
    provideCompletionItems(model, position) {
      const line = model.getLineContent(position.lineNumber);
      const word = model.getWordUntilPosition(position);
      const before = line.slice(0, word.startColumn - 1);
      // Only right after a single "{": after "{{" the author is writing a literal brace.
      if (!before.endsWith("{") || before.endsWith("{{")) return { suggestions: [] };
      const closed = line.charAt(word.endColumn - 1) === "}";
      const range = new monaco.Range(position.lineNumber, word.startColumn, position.lineNumber, word.endColumn);
      return {
        suggestions: keys.map((k) => ({
          label: { label: k.value, description: k.label },
          kind: monaco.languages.CompletionItemKind.Variable,
          detail: k.label,
          documentation: k.description,
          insertText: closed ? k.value : `${k.value}}`,
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
