import Ajv2020 from "ajv/dist/2020";
import type { OpenApiDocument } from "@/lib/server/openapi/document";

/**
 * Validates response bodies against the OpenAPI document's own response schemas with a real JSON
 * Schema 2020-12 validator. A status the operation does not document fails (500s aside).
 */
export function openApiValidator(doc: OpenApiDocument) {
  // strict: false because the document is added whole, and its non-schema keys (paths, info) are not keywords.
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  ajv.addFormat("uuid", true).addFormat("date-time", true); // zod also emits a pattern for both; that is what is checked
  ajv.addSchema(doc, "openapi");
  const pointer = (...parts: string[]) =>
    parts.map((p) => encodeURIComponent(p.replace(/~/g, "~0").replace(/\//g, "~1"))).join("/");

  return function validate(path: string, method: string, status: number, contentType: string, body: unknown): string[] {
    const operation = doc.paths[path]?.[method] as
      { responses: Record<string, { content?: Record<string, unknown> }> } | undefined;
    if (!operation) return [`${method.toUpperCase()} ${path} is not in the document`];
    const key = operation.responses[String(status)] ? String(status) : status === 500 ? "default" : null;
    if (!key) return [`${method.toUpperCase()} ${path} does not document status ${status}`];
    const type = contentType.split(";")[0]!.trim();
    if (!operation.responses[key]!.content?.[type])
      return [`${method.toUpperCase()} ${path} ${status} does not document ${type}`];
    const check = ajv.getSchema(
      `openapi#/${pointer("paths", path, method, "responses", key, "content", type, "schema")}`,
    );
    if (!check) return [`no schema for ${method.toUpperCase()} ${path} ${status} ${type}`];
    return check(body)
      ? []
      : (check.errors ?? []).map(
          (e) => `${method.toUpperCase()} ${path} ${status}: ${e.instancePath || "/"} ${e.message}`,
        );
  };
}
