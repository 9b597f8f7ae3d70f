/**
 * Small JSON Schema helpers for the action schemas: pydantic (the old system) emits `$defs` + `$ref`,
 * we emit everything inline; comparing the two, and reading or placing field descriptions, needs one
 * inline form and one way to name a place in a schema.
 */
export type JsonSchema = { [key: string]: unknown };

const isObject = (value: unknown): value is JsonSchema =>
  typeof value === "object" && value !== null && !Array.isArray(value);

/**
 * Inlines every local `#/$defs/...` reference and drops `$defs`. Keys next to a `$ref` win over the
 * referenced schema's own (pydantic puts a field's description beside the ref of an enum that has a
 * description of its own). Throws on a reference it cannot follow or a cycle.
 */
export function dereference(schema: JsonSchema): JsonSchema {
  const defs = isObject(schema.$defs) ? schema.$defs : {};
  const walk = (node: unknown, seen: readonly string[]): unknown => {
    if (Array.isArray(node)) return node.map((item) => walk(item, seen));
    if (!isObject(node)) return node;
    const out: JsonSchema = {};
    if (typeof node.$ref === "string") {
      const name = /^#\/\$defs\/(.+)$/.exec(node.$ref)?.[1];
      const target = name === undefined ? undefined : defs[name];
      if (name === undefined || !isObject(target)) throw new Error(`Unresolvable $ref ${node.$ref}`);
      if (seen.includes(name)) throw new Error(`Recursive $ref ${node.$ref}`);
      Object.assign(out, walk(target, [...seen, name]));
    }
    for (const [key, value] of Object.entries(node)) {
      if (key === "$ref" || key === "$defs") continue;
      out[key] = walk(value, seen);
    }
    return out;
  };
  return walk(schema, []) as JsonSchema;
}

/** A copy without the given keywords anywhere (but keeps properties that happen to carry those names). */
export function withoutKeywords(schema: unknown, keywords: readonly string[]): unknown {
  if (Array.isArray(schema)) return schema.map((item) => withoutKeywords(item, keywords));
  if (!isObject(schema)) return schema;
  const out: JsonSchema = {};
  for (const [key, value] of Object.entries(schema)) {
    if (keywords.includes(key)) continue;
    if (key === "properties" && isObject(value)) {
      out[key] = Object.fromEntries(Object.entries(value).map(([k, v]) => [k, withoutKeywords(v, keywords)]));
    } else out[key] = withoutKeywords(value, keywords);
  }
  return out;
}

/**
 * Every place in a schema where a description can sit, as a path: "" is the schema itself, `name` a
 * property, `name[]` the items of an array, `name[].id` a property of those items.
 */
export function schemaPaths(schema: JsonSchema): string[] {
  const paths: string[] = [];
  const visit = (node: JsonSchema, path: string) => {
    paths.push(path);
    if (isObject(node.properties)) {
      for (const [key, child] of Object.entries(node.properties)) {
        if (isObject(child)) visit(child, path === "" ? key : `${path}.${key}`);
      }
    }
    if (isObject(node.items)) visit(node.items, `${path}[]`);
  };
  visit(schema, "");
  return paths;
}

function nodeAt(schema: JsonSchema, path: string): JsonSchema | undefined {
  let node: JsonSchema | undefined = schema;
  for (const step of path.match(/\[\]|[^.[\]]+/g) ?? []) {
    if (!node) return undefined;
    const next: unknown = step === "[]" ? node.items : isObject(node.properties) ? node.properties[step] : undefined;
    node = isObject(next) ? next : undefined;
  }
  return node;
}

/** The description at each path that has one. */
export function descriptionsOf(schema: JsonSchema): Record<string, string> {
  const found: Record<string, string> = {};
  for (const path of schemaPaths(schema)) {
    const description = nodeAt(schema, path)?.description;
    if (typeof description === "string") found[path] = description;
  }
  return found;
}

/**
 * A deep copy with each description placed at its path (a blank one leaves the place without). The
 * description is put first among a node's keys, where a reader of the schema looks for it.
 */
export function withDescriptions(schema: JsonSchema, descriptions: Readonly<Record<string, string>>): JsonSchema {
  const copy = structuredClone(schema);
  for (const [path, description] of Object.entries(descriptions)) {
    const node = nodeAt(copy, path);
    if (!node || description.trim() === "") continue;
    const rest = { ...node };
    delete rest.description;
    for (const key of Object.keys(node)) delete node[key];
    Object.assign(node, { description }, rest);
  }
  return copy;
}
