import "server-only";
import type { OpenApiDocument } from "./document";

/**
 * The API reference as one self-contained HTML page (inline CSS, no scripts, nothing fetched from
 * elsewhere), generated from the OpenAPI document so it can never drift from it.
 */
export function referenceHtml(doc: OpenApiDocument): string {
  const operations = Object.entries(doc.paths).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, op]) => ({ path, method, op: op as unknown as Operation })),
  );
  const byTag = new Map<string, typeof operations>();
  for (const o of operations) byTag.set(o.op.tags[0] ?? "Other", [...(byTag.get(o.op.tags[0] ?? "Other") ?? []), o]);
  const anchor = (o: { op: Operation }) => `op-${o.op.operationId}`;
  const nav = [...byTag]
    .map(
      ([tag, ops]) =>
        `<h3>${esc(tag)}</h3><ul>${ops
          .map(
            (o) =>
              `<li><a href="#${anchor(o)}"><span class="m ${o.method}">${o.method.toUpperCase()}</span> ${esc(o.path)}</a></li>`,
          )
          .join("")}</ul>`,
    )
    .join("");
  const body = [...byTag]
    .map(
      ([tag, ops]) =>
        `<h2>${esc(tag)}</h2>${ops.map((o) => operationHtml(o.path, o.method, o.op, anchor(o))).join("")}`,
    )
    .join("");
  const components = Object.entries(doc.components.schemas)
    .map(
      ([name, schema]) =>
        `<section id="schema-${esc(name)}"><h3>${esc(name)}</h3>${schemaBlock(schema, true)}</section>`,
    )
    .join("");
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(doc.info.title)}</title><style>${CSS}</style></head><body>
<nav><h1>${esc(doc.info.title)}</h1><p><a href="/api/openapi.json">openapi.json</a> · OpenAPI ${esc(doc.openapi)}</p>${nav}<h3><a href="#schemas">Schemas</a></h3></nav>
<main><p>${inline(doc.info.description)}</p>${body}<h2 id="schemas">Schemas</h2>${components}</main></body></html>`;
}

interface Operation {
  operationId: string;
  tags: string[];
  summary: string;
  description?: string;
  security: unknown[];
  parameters?: { name: string; in: string; required: boolean; description?: string; schema: Record<string, unknown> }[];
  requestBody?: { content: Record<string, { schema: Record<string, unknown> }> };
  responses: Record<string, { description: string; content?: Record<string, { schema: Record<string, unknown> }> }>;
}

function operationHtml(path: string, method: string, op: Operation, id: string): string {
  const params = op.parameters?.length
    ? `<h4>Parameters</h4><table><tr><th>Name</th><th>In</th><th>Schema</th></tr>${op.parameters
        .map(
          (p) =>
            `<tr><td><code>${esc(p.name)}</code>${p.required ? " <span class=req>required</span>" : ""}${p.description ? `<br>${esc(p.description)}` : ""}</td><td>${esc(p.in)}</td><td>${schemaBlock(p.schema, false)}</td></tr>`,
        )
        .join("")}</table>`
    : "";
  const request = op.requestBody
    ? `<h4>Request body</h4>${Object.entries(op.requestBody.content)
        .map(([type, c]) => `<p><code>${esc(type)}</code></p>${schemaBlock(c.schema, false)}`)
        .join("")}`
    : "";
  const responses = `<h4>Responses</h4><table>${Object.entries(op.responses)
    .map(
      ([status, r]) =>
        `<tr><td><b>${esc(status)}</b></td><td>${inline(r.description)}${Object.entries(r.content ?? {})
          .map(([type, c]) => `<div><code>${esc(type)}</code> ${schemaBlock(c.schema, false)}</div>`)
          .join("")}</td></tr>`,
    )
    .join("")}</table>`;
  const auth = op.security.length ? "Needs a session or an API key" : "Public";
  return `<section class="op" id="${esc(id)}"><h3><span class="m ${method}">${method.toUpperCase()}</span> <code>${esc(path)}</code></h3>
<p>${esc(op.summary)} <span class="muted">· ${auth}</span></p>${op.description ? `<p>${inline(op.description)}</p>` : ""}${params}${request}${responses}</section>`;
}

/** A `$ref` becomes a link to its schema; anything else is shown as JSON, folded unless small. */
function schemaBlock(schema: Record<string, unknown>, open: boolean): string {
  if (typeof schema.$ref === "string" && Object.keys(schema).length === 1) return refLink(schema.$ref);
  const text = JSON.stringify(schema, null, 2);
  const html = esc(text).replace(/&quot;#\/components\/schemas\/(\w+)&quot;/g, (_m, name: string) =>
    refLink(`#/components/schemas/${name}`),
  );
  // tabindex: a schema that scrolls sideways must be reachable from the keyboard.
  if (open || text.length < 120) return `<pre tabindex="0">${html}</pre>`;
  return `<details><summary>${esc(String(schema.type ?? "schema"))}</summary><pre tabindex="0">${html}</pre></details>`;
}

function refLink(ref: string): string {
  const name = ref.split("/").pop() ?? ref;
  return `<a href="#schema-${esc(name)}">${esc(name)}</a>`;
}

/** Escapes, then shows `code` spans from the descriptions' backticks. */
function inline(text: string): string {
  return esc(text).replace(/`([^`]+)`/g, "<code>$1</code>");
}

function esc(text: string): string {
  return text
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&#39;");
}

const CSS = `:root{--fg:#1d1d21;--muted:#5c5c66;--line:#e2e2e6;--bg:#f7f7f8;--card:#fff;--accent:#3b5bdb}
*{box-sizing:border-box}body{margin:0;display:flex;font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:var(--fg);background:var(--bg)}
nav{width:300px;flex:none;height:100vh;position:sticky;top:0;overflow:auto;padding:16px;border-right:1px solid var(--line);background:var(--card)}
nav ul{list-style:none;padding:0;margin:0}nav li{margin:2px 0}nav a{text-decoration:none;color:var(--fg);font-size:.85rem}
main{flex:1;min-width:0;max-width:1000px;padding:24px}h1{font-size:1.2rem}h2{margin-top:32px;border-bottom:1px solid var(--line)}
.op{background:var(--card);border:1px solid var(--line);border-radius:6px;padding:12px 16px;margin:16px 0}
.m{display:inline-block;min-width:52px;text-align:center;border-radius:4px;color:#fff;font-size:.75rem;font-weight:700;padding:1px 6px}
.get{background:#1e6b30}.post{background:#3451c7}.patch{background:#8f4a00}.put{background:#5f3dc4}.delete{background:#b02525}.req{color:#c92a2a;font-size:.8rem}.muted{color:var(--muted)}
table{border-collapse:collapse;width:100%}td,th{border-bottom:1px solid var(--line);padding:6px 8px;text-align:left;vertical-align:top}
pre{background:var(--bg);padding:8px;overflow:auto;font-size:.8rem;margin:4px 0}code{font-family:ui-monospace,Menlo,monospace;font-size:.85em}
a{color:var(--accent)}summary{cursor:pointer;color:var(--muted)}`;
