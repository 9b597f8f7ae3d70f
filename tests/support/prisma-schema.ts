import { readFileSync } from "node:fs";

export interface SchemaField {
  field: string;
  column: string;
  type: string;
  nullable: boolean;
  list: boolean;
  dbType: string | null;
  hasDefault: boolean;
}
export interface SchemaIndex {
  name: string;
  columns: string[];
  unique: boolean;
}
export interface SchemaModel {
  model: string;
  table: string;
  fields: SchemaField[];
  indexes: SchemaIndex[];
  primaryKey: string[];
}

const SCALARS = new Set(["String", "Int", "BigInt", "Boolean", "DateTime", "Json", "Float", "Decimal", "Bytes"]);

/** A small reader for our schema.prisma (scalar fields, @map, @db, @id, @@unique, @@index, @@map). */
export function readPrismaSchema(file = "prisma/schema.prisma"): SchemaModel[] {
  const text = readFileSync(file, "utf8").replace(/\/\/.*$/gm, "");
  const models: SchemaModel[] = [];
  // Braces inside strings (e.g. @default("{}")) do not end a model block.
  for (const m of text.matchAll(/model\s+(\w+)\s*\{((?:[^}"]|"[^"]*")*)\}/g)) {
    const [, model, block] = m as unknown as [string, string, string];
    const fields: SchemaField[] = [];
    const raw: string[] = [];
    for (const line of block
      .split("\n")
      .map((l) => l.trim())
      .filter(Boolean)) {
      if (line.startsWith("@@")) {
        raw.push(line);
        continue;
      }
      const [, field, typeExpr, attrs = ""] = line.match(/^(\w+)\s+(\w+(?:\[\])?\??)\s*(.*)$/) ?? [];
      if (!field || !typeExpr) continue;
      const type = typeExpr.replace(/[[\]?]/g, "");
      if (!SCALARS.has(type)) continue; // relation fields have no column
      fields.push({
        field,
        type,
        column: attrs.match(/@map\("([^"]+)"\)/)?.[1] ?? field,
        nullable: typeExpr.endsWith("?"),
        list: typeExpr.includes("[]"),
        dbType: attrs.match(/@db\.(\w+(?:\([^)]*\))?)/)?.[1] ?? null,
        hasDefault: attrs.includes("@default("),
      });
      if (/@id\b/.test(attrs)) raw.push(`@@id([${field}])`);
      if (/@unique\b/.test(attrs)) raw.push(`@@unique([${field}])`);
    }
    const columnOf = (f: string) => fields.find((x) => x.field === f)?.column ?? f;
    const table = block.match(/@@map\("([^"]+)"\)/)?.[1] ?? model;
    const indexes: SchemaIndex[] = [];
    let primaryKey: string[] = [];
    for (const line of raw) {
      const [, kind, list, rest = ""] = line.match(/^@@(\w+)\(\[([^\]]*)\]\s*,?\s*(.*)\)$/) ?? [];
      if (!kind || list === undefined) continue;
      // An index field may carry arguments, e.g. body(ops: raw("gin_trgm_ops")): the column is the name before them.
      const columns = list.split(",").map((s) => columnOf(s.trim().replace(/\(.*\)$/, "")));
      if (kind === "id") primaryKey = columns;
      if (kind === "unique" || kind === "index") {
        const name =
          rest.match(/map:\s*"([^"]+)"/)?.[1] ?? `${table}_${columns.join("_")}_${kind === "unique" ? "key" : "idx"}`;
        indexes.push({ name, columns, unique: kind === "unique" });
      }
    }
    models.push({ model, table, fields, indexes, primaryKey });
  }
  return models;
}
