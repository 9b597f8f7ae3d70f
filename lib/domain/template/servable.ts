import { AppError } from "../errors";
import { isContextKey } from "../catalog";
import { assertValidTemplate } from "./parse";

/**
 * A body that can be saved: it parses, and every placeholder is a catalog context key. Resolve accepts
 * catalog keys only, so a version with `{favourite_color}` could never be served; saving it is refused
 * with 422 `invalid_template` naming each such placeholder and where it is.
 */
export function assertServableTemplate(body: string): void {
  const parsed = assertValidTemplate(body);
  const unknown = parsed.parts.flatMap((part) =>
    part.kind === "placeholder" && !isContextKey(part.key)
      ? [{ key: part.key, line: part.line, column: part.column }]
      : [],
  );
  if (!unknown.length) return;
  const [first] = unknown;
  const names = [...new Set(unknown.map((u) => `{${u.key}}`))].join(", ");
  throw new AppError(
    "invalid_template",
    `${names} ${unknown.length > 1 ? "are not catalog context keys" : "is not a catalog context key"} (line ${first!.line}, column ${first!.column}); resolve accepts catalog keys only, so this version could never be served`,
    { unknownKeys: unknown },
  );
}
