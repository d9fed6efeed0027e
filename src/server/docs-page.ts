import type { JsonSchema } from '../app/request-text.js';

interface OpenApiOperation {
  summary?: string;
  description?: string;
  tags?: string[];
  parameters?: { name: string; in: string; required?: boolean; description?: string; schema?: JsonSchema }[];
  requestBody?: { content?: Record<string, { schema?: JsonSchema }> };
}

interface OpenApiDocument {
  info: { title: string; version: string; description?: string };
  paths: Record<string, Record<string, OpenApiOperation>>;
}

/**
 * The API's documentation as one self-contained HTML page, written from the OpenAPI document on the
 * server: no script, no stylesheet or font from elsewhere, so it works offline.
 */
export function docsPage(doc: OpenApiDocument): string {
  const sections = Object.entries(doc.paths).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, op]) => operationHtml(method.toUpperCase(), path, op)),
  );
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${esc(doc.info.title)} ${esc(doc.info.version)}</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<style>
body{font:15px/1.5 system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#1b1f24}
h1{font-size:1.6rem}h2{font-size:1.1rem;margin:2rem 0 .3rem;font-family:ui-monospace,monospace}
.m{display:inline-block;min-width:4.5rem;font-weight:700}table{border-collapse:collapse;width:100%;font-size:.9rem}
td,th{border-bottom:1px solid #d0d7de;padding:.3rem .5rem;text-align:left;vertical-align:top}code{font-family:ui-monospace,monospace}
.tag{color:#57606a;font-size:.85rem}
</style></head><body>
<h1>${esc(doc.info.title)} <span class="tag">${esc(doc.info.version)}</span></h1>
<p>${esc(doc.info.description ?? '')}</p>
<p>Machine-readable: <a href="/api/v1/openapi.json">/api/v1/openapi.json</a> (OpenAPI 3.1). Every endpoint but the
health checks needs <code>Authorization: Bearer pct_…</code> (see docs/server.md).</p>
${sections.join('\n')}
</body></html>
`;
}

function operationHtml(method: string, path: string, op: OpenApiOperation): string {
  const body = Object.entries(op.requestBody?.content ?? {})[0];
  const bodyRows = body
    ? Object.entries(body[1].schema?.properties ?? {}).map(([name, s]) => row(name, body[0], false, s))
    : [];
  const paramRows = (op.parameters ?? []).map((p) =>
    row(p.name, p.in, p.required === true, {
      ...p.schema,
      description: p.description ?? p.schema?.description,
    }),
  );
  const rows = [...paramRows, ...bodyRows];
  const table = rows.length
    ? `<table><tr><th>parameter</th><th>in</th><th>type</th><th>description</th></tr>${rows.join('')}</table>`
    : '';
  return `<h2><span class="m">${esc(method)}</span>${esc(path)}</h2>
<p>${esc(op.summary ?? '')} <span class="tag">${esc(op.description ?? '')}</span></p>${table}`;
}

function row(name: string, where: string, required: boolean, schema: JsonSchema): string {
  const values = Array.isArray(schema.enum) ? ` (${(schema.enum as unknown[]).join(', ')})` : '';
  const items = schema.items?.enum ? ` of ${(schema.items.enum as unknown[]).join(', ')}` : '';
  const fallback = schema.default === undefined ? '' : `; default ${JSON.stringify(schema.default)}`;
  const type = [schema.type, ...(schema.anyOf ?? []).map((s) => s.type)].flat().filter(Boolean).join(' | ');
  return `<tr><td><code>${esc(name)}</code>${required ? ' *' : ''}</td><td>${esc(where)}</td><td>${esc(type)}${esc(items)}</td><td>${esc(
    String(schema.description ?? ''),
  )}${esc(values)}${esc(fallback)}</td></tr>`;
}

function esc(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
