import "server-only";
import { z } from "zod";
import { ERROR_STATUS } from "@/lib/domain/errors";
import { NAMED_REQUEST_SCHEMAS, NAMED_RESPONSE_SCHEMAS, OPERATIONS, type ApiOperation } from "./operations";

type JsonSchema = Record<string, unknown>;
export interface OpenApiDocument {
  openapi: "3.1.0";
  info: { title: string; version: string; description: string };
  paths: Record<string, Record<string, JsonSchema>>;
  components: { schemas: Record<string, JsonSchema>; securitySchemes: Record<string, JsonSchema> };
  tags: { name: string }[];
}

const TARGET = { target: "draft-2020-12", unrepresentable: "any" } as const;
const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });

/**
 * Builds the OpenAPI 3.1 document from the operations' zod schemas (zod 4's own JSON Schema output,
 * which is the 2020-12 dialect OpenAPI 3.1 uses). Named schemas become components and reference
 * each other; everything else is inlined.
 */
export function buildOpenApiDocument(): OpenApiDocument {
  const names = new Map<z.ZodType, string>();
  const schemas: Record<string, JsonSchema> = {};
  for (const [named, io] of [
    [NAMED_REQUEST_SCHEMAS, "input"],
    [NAMED_RESPONSE_SCHEMAS, "output"],
  ] as const) {
    const registry = z.registry<{ id: string }>();
    for (const [name, schema] of Object.entries(named)) {
      registry.add(schema, { id: name });
      names.set(schema, name);
    }
    const generated = z.toJSONSchema(registry, { ...TARGET, io, uri: (id) => `#/components/schemas/${id}` }).schemas;
    for (const [name, schema] of Object.entries(generated)) schemas[name] = withoutIds(schema as JsonSchema);
  }
  const convert = (schema: z.ZodType, io: "input" | "output") => {
    const name = names.get(schema);
    return name ? ref(name) : withoutIds(z.toJSONSchema(schema, { ...TARGET, io }) as JsonSchema);
  };

  const paths: OpenApiDocument["paths"] = {};
  for (const op of OPERATIONS) (paths[op.path] ??= {})[op.method] = operationObject(op, convert);
  return {
    openapi: "3.1.0",
    info: {
      title: "Prompt Manager API",
      version: "1",
      description:
        'Versioned prompt templates per coaching phase. Every error is `{"error": {"code", "message", "details"}}`; its status follows from the code. JSON is camelCase.',
    },
    paths,
    components: {
      schemas,
      securitySchemes: {
        apiKey: { type: "http", scheme: "bearer", description: "An API key: `Authorization: Bearer pm_…`" },
      },
    },
    tags: [...new Set(OPERATIONS.map((o) => o.tag))].map((name) => ({ name })),
  };
}

function operationObject(
  op: ApiOperation,
  convert: (schema: z.ZodType, io: "input" | "output") => JsonSchema,
): JsonSchema {
  const parameters: JsonSchema[] = [];
  for (const [name, p] of Object.entries(op.pathParams ?? {})) {
    parameters.push({
      name,
      in: "path",
      required: true,
      description: p.description,
      schema: convert(p.schema, "input"),
    });
  }
  if (op.query) {
    const query = convert(op.query, "input") as { properties?: Record<string, JsonSchema>; required?: string[] };
    for (const [name, schema] of Object.entries(query.properties ?? {})) {
      // A schema's description is the parameter's (Swagger-style readers show it beside the name).
      const { description, ...rest } = schema;
      parameters.push({
        name,
        in: "query",
        required: query.required?.includes(name) ?? false,
        ...(typeof description === "string" && { description }),
        schema: rest,
      });
    }
  }
  const responses: Record<string, JsonSchema> = {};
  for (const [status, r] of Object.entries(op.responses)) {
    responses[status] = {
      description: r.description,
      ...(r.content && {
        content: Object.fromEntries(
          Object.entries(r.content).map(([type, schema]) => [
            type,
            {
              schema:
                schema === "text"
                  ? { type: "string" }
                  : schema === "object"
                    ? { type: "object" }
                    : convert(schema, "output"),
            },
          ]),
        ),
      }),
    };
  }
  for (const status of [...(op.errors ?? []), ...(op.public ? [] : [401, 403])].sort((a, b) => a - b)) {
    responses[String(status)] = {
      description: errorCodesFor(status),
      content: { "application/json": { schema: ref("Error") } },
    };
  }
  responses.default = {
    description: "500 internal: an unexpected error (logged with the request id)",
    content: { "application/json": { schema: ref("Error") } },
  };
  return {
    operationId: op.operationId,
    tags: [op.tag],
    summary: op.summary,
    ...(op.description && { description: op.description }),
    ...(op.public ? { security: [] } : { security: [{ apiKey: [] }] }),
    ...(parameters.length && { parameters }),
    ...(op.body && {
      requestBody: { required: true, content: { "application/json": { schema: convert(op.body, "input") } } },
    }),
    responses,
  };
}

function errorCodesFor(status: number): string {
  const codes = Object.entries(ERROR_STATUS)
    .filter(([, s]) => s === status)
    .map(([code]) => `\`${code}\``);
  return `Error: ${codes.join(", ")}`;
}

/** zod marks each component with `$schema`/`$id`; inside one OpenAPI document they only get in the way. */
function withoutIds(schema: JsonSchema): JsonSchema {
  const { $schema: _s, $id: _i, ...rest } = schema;
  return rest;
}

let cached: OpenApiDocument | undefined;
/** The document never changes while the process runs; build it once. */
export function openApiDocument(): OpenApiDocument {
  return (cached ??= buildOpenApiDocument());
}
