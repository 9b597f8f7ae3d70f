import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ACTION_TYPE_VALUES, CONTEXT_KEY_VALUES, PHASE_VALUES, PROMPT_TYPE_VALUES } from "@/lib/domain/catalog";
import { sampleProviderSchema } from "@/lib/domain/schemas/sample-context";
import { WEBHOOK_EVENT_VALUES } from "@/lib/domain/schemas/webhook";
import { readPrismaSchema } from "../support/prisma-schema";

// The migrated database (SQL files) must match schema.prisma (what the client is generated from),
// and the CHECK constraints must list exactly the catalog's values.
let client: pg.Client;
beforeAll(async () => {
  client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
});
afterAll(() => client.end());

const PRISMA_TO_PG: Record<string, string> = {
  String: "text",
  Int: "integer",
  BigInt: "bigint",
  Boolean: "boolean",
  DateTime: "timestamp without time zone",
  Json: "jsonb",
  Float: "double precision",
};
function expectedType(f: { type: string; dbType: string | null }): string {
  const db = f.dbType;
  if (!db) return PRISMA_TO_PG[f.type] ?? f.type;
  const [, kind, arg] = db.match(/^(\w+)(?:\((\d+)\))?$/) ?? [];
  switch (kind) {
    case "VarChar":
      return `character varying(${arg})`;
    case "Uuid":
      return "uuid";
    case "Char":
      return `character(${arg})`;
    case "Timestamptz":
      return arg ? `timestamp(${arg}) with time zone` : "timestamp with time zone";
    case "Inet":
      return "inet";
    case "Citext":
      return "citext";
    default:
      return db.toLowerCase();
  }
}

describe("migrated schema matches schema.prisma", () => {
  for (const model of readPrismaSchema()) {
    it(`${model.model} → table ${model.table}: every field, type and nullability`, async () => {
      const { rows } = await client.query(
        `SELECT a.attname AS column, format_type(a.atttypid, a.atttypmod) AS type, NOT a.attnotnull AS nullable
           FROM pg_attribute a WHERE a.attrelid = $1::regclass AND a.attnum > 0 AND NOT a.attisdropped`,
        [model.table],
      );
      const actual = new Map(rows.map((r) => [r.column, r]));
      for (const f of model.fields) {
        const col = actual.get(f.column);
        expect(col, `column ${model.table}.${f.column}`).toBeDefined();
        expect(col.type, `type of ${f.column}`).toBe(expectedType(f) + (f.list ? "[]" : ""));
        expect(col.nullable, `nullability of ${f.column}`).toBe(f.nullable);
      }
      expect([...actual.keys()].sort()).toEqual(model.fields.map((f) => f.column).sort());
    });

    it(`${model.model}: primary key, every index and unique constraint`, async () => {
      const { rows } = await client.query(
        `SELECT i.relname AS name, ix.indisunique AS unique, ix.indisprimary AS primary,
                array(SELECT a.attname FROM unnest(ix.indkey) WITH ORDINALITY k(attnum, n)
                      JOIN pg_attribute a ON a.attrelid = ix.indrelid AND a.attnum = k.attnum ORDER BY k.n)::text[] AS columns
           FROM pg_index ix JOIN pg_class i ON i.oid = ix.indexrelid WHERE ix.indrelid = $1::regclass`,
        [model.table],
      );
      const pk = rows.find((r) => r.primary);
      expect(pk?.columns).toEqual(model.primaryKey);
      for (const idx of model.indexes) {
        const found = rows.find((r) => r.name === idx.name);
        expect(found, `index ${idx.name}`).toBeDefined();
        expect(found.columns).toEqual(idx.columns);
        expect(found.unique).toBe(idx.unique);
      }
    });
  }

  it("the phase/version unique index treats NULL phases as equal (NULLS NOT DISTINCT)", async () => {
    const { rows } = await client.query(
      `SELECT indexdef FROM pg_indexes WHERE indexname = 'prompts_coaching_phase_version_key'`,
    );
    expect(rows[0].indexdef).toContain("NULLS NOT DISTINCT");
  });
});

describe("CHECK constraints list exactly the catalog", () => {
  async function quotedValues(constraint: string): Promise<string[]> {
    const { rows } = await client.query(
      `SELECT pg_get_constraintdef(oid) AS def FROM pg_constraint WHERE conname = $1`,
      [constraint],
    );
    expect(rows, constraint).toHaveLength(1);
    return [...rows[0].def.matchAll(/'([a-z_]+)'/g)].map((m) => m[1]).sort();
  }
  it.each([
    ["prompts_coaching_phase_check", PHASE_VALUES],
    ["sample_contexts_phase_check", PHASE_VALUES],
    ["prompts_prompt_type_check", PROMPT_TYPE_VALUES],
    ["prompts_required_context_keys_check", CONTEXT_KEY_VALUES],
    ["prompts_allowed_actions_check", ACTION_TYPE_VALUES],
    ["action_instructions_action_type_check", ACTION_TYPE_VALUES],
    ["sample_contexts_provider_check", sampleProviderSchema.options],
  ] as const)("%s", async (constraint, values) => {
    expect(await quotedValues(constraint)).toEqual([...values].sort());
  });
  // A webhook subscribes to change event types: both lists are the same, or a subscription is refused
  // (or an event type can never be delivered).
  it.each(["webhooks_events_check", "change_events_type_check"])("%s lists the webhook event types", async (name) => {
    const { rows } = await client.query(
      `SELECT pg_get_constraintdef(oid) AS def FROM pg_constraint WHERE conname = $1`,
      [name],
    );
    const values = [...String(rows[0]?.def).matchAll(/'([a-z_.]+)'/g)].map((m) => m[1]).sort();
    expect(values).toEqual([...WEBHOOK_EVENT_VALUES].sort());
  });
});

describe("action instructions", () => {
  it("ship a serving version of every catalog action (migration data), whose content is immutable", async () => {
    const { rows } = await client.query(
      `SELECT DISTINCT action_type FROM action_instructions WHERE is_active ORDER BY action_type`,
    );
    expect(rows.map((r) => r.action_type)).toEqual([...ACTION_TYPE_VALUES].sort());
    await expect(
      client.query(`UPDATE action_instructions SET instruction = 'x' WHERE action_type = 'accept_identity'`),
    ).rejects.toMatchObject({ constraint: "action_instructions_content_immutable" });
  });
});

describe("the database itself rejects bad rows", () => {
  const insert = (cols: Record<string, unknown>) => {
    const row = { coaching_phase: "introduction", version: 1, body: "Hi", ...cols };
    const keys = Object.keys(row);
    return client.query(
      `INSERT INTO prompts (${keys.join(", ")}) VALUES (${keys.map((_, i) => `$${i + 1}`).join(", ")})`,
      Object.values(row),
    );
  };
  it.each([
    ["unknown phase", { coaching_phase: "outro" }, "prompts_coaching_phase_check"],
    ["unknown type", { prompt_type: "assistant" }, "prompts_prompt_type_check"],
    [
      "unknown context key",
      { required_context_keys: ["user_name", "identity_brainstorming_context"] },
      "prompts_required_context_keys_check",
    ],
    ["unknown action", { allowed_actions: ["transition_state"] }, "prompts_allowed_actions_check"],
    ["null array element", { allowed_actions: [null] }, "prompts_allowed_actions_check"],
    ["version 0", { version: 0 }, "prompts_version_check"],
    ["empty body", { body: "  \n " }, "prompts_body_check"],
  ])("%s", async (_label, cols, constraint) => {
    await expect(insert(cols)).rejects.toMatchObject({ code: "23514", constraint });
  });

  it("keeps timestamps itself and refuses content edits, even from raw SQL", async () => {
    const {
      rows: [row],
    } = await client.query(
      `INSERT INTO prompts (coaching_phase, version, body, created_at, updated_at)
       VALUES (NULL, 7, 'x', '2020-01-01', '2020-01-01') RETURNING id, updated_at`,
    );
    const {
      rows: [updated],
    } = await client.query(`UPDATE prompts SET name = 'n' WHERE id = $1 RETURNING updated_at`, [row.id]);
    expect(updated.updated_at.getTime()).toBeGreaterThan(row.updated_at.getTime());
    await expect(client.query(`UPDATE prompts SET body = 'changed' WHERE id = $1`, [row.id])).rejects.toMatchObject({
      code: "23514",
      constraint: "prompts_content_immutable",
    });
    await expect(
      client.query(`INSERT INTO prompts (coaching_phase, version, body) VALUES (NULL, 7, 'dup')`),
    ).rejects.toMatchObject({ code: "23505" });
    const {
      rows: [fresh],
    } = await client.query(
      `INSERT INTO prompts (coaching_phase, version, body) VALUES ('introduction', 1, 'x') RETURNING id`,
    );
    expect(fresh.id).toMatch(/^[0-9a-f-]{36}$/);
  });
});
