import "server-only";
import type { ResolveResponse } from "@/lib/domain/schemas/responses";

// Serializing the answer is the largest cost a warm resolve has left (profiled: about 40 µs of some
// 750 µs per request), and most of it repeats: of a ~27 KB answer only the rendered body changes per
// request. The system context and the actions section are the same strings for as long as their
// versions serve, and `text` repeats every section. So the JSON is put together from escaped pieces,
// escaping the unchanging ones once, and each section once for both `sections` and `text`.
// The bytes are exactly JSON.stringify(result)'s (resolve-json.test.ts holds it to that).

const STATIC_KINDS = new Set(["system_context", "actions"]);
const MAX_MEMO = 256;
const escapedMemo = new Map<string, string>();
const formatMemo = new WeakMap<object, string>();

function escapedStatic(text: string): string {
  let escaped = escapedMemo.get(text);
  if (escaped === undefined) {
    escaped = JSON.stringify(text);
    if (escapedMemo.size >= MAX_MEMO) escapedMemo.clear(); // more distinct versions than this means churn, not reuse
    escapedMemo.set(text, escaped);
  }
  return escaped;
}

function responseFormatJson(format: Record<string, unknown>): string {
  // Only frozen formats are shared between answers (see preparePrompt); others may change later.
  if (!Object.isFrozen(format)) return JSON.stringify(format);
  let json = formatMemo.get(format);
  if (json === undefined) {
    json = JSON.stringify(format);
    formatMemo.set(format, json);
  }
  return json;
}

export function resolveResultJson(result: ResolveResponse): string {
  const escaped = result.sections.map((s) =>
    STATIC_KINDS.has(s.kind) ? escapedStatic(s.text) : JSON.stringify(s.text),
  );
  // `text` is the sections joined by a blank line; checked, not assumed, before reusing their escapes.
  const joined = result.sections.map((s) => s.text).join("\n\n") === result.text;
  const text = joined ? `"${escaped.map((e) => e.slice(1, -1)).join("\\n\\n")}"` : JSON.stringify(result.text);
  const sections = result.sections.map((s, i) => `{"kind":${JSON.stringify(s.kind)},"text":${escaped[i]}}`).join(",");
  return (
    `{"prompt":${JSON.stringify(result.prompt)},"text":${text},"sections":[${sections}],` +
    `"allowedActions":${JSON.stringify(result.allowedActions)},"requiredContextKeys":${JSON.stringify(result.requiredContextKeys)},` +
    `"responseFormat":${responseFormatJson(result.responseFormat)}}`
  );
}
