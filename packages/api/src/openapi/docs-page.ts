// The browsable API reference at /docs: plain HTML rendered from the OpenAPI document on the
// server, with its own stylesheet and no scripts, so it works offline and under the strict CSP.
import type { OpenApiDocument } from './openapi-document';

const METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const;

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`);
}

function record(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

function json(value: unknown): string {
  return `<pre>${escapeHtml(JSON.stringify(value, null, 2) ?? '')}</pre>`;
}

function accessText(access: unknown): string {
  if (access === 'public') return 'public';
  const { role, scope } = record(access);
  return typeof role === 'string' ? `role ${role}+, token scope ${String(scope)}` : 'unspecified';
}

function parametersHtml(parameters: unknown): string {
  if (!Array.isArray(parameters) || parameters.length === 0) return '';
  const rows = parameters.map((parameter) => {
    const entry = record(parameter);
    return `<tr><td><code>${escapeHtml(String(entry.name))}</code></td><td>${escapeHtml(String(entry.in))}</td><td>${entry.required ? 'yes' : 'no'}</td><td><code>${escapeHtml(JSON.stringify(entry.schema ?? {}))}</code></td></tr>`;
  });
  return `<h4>Parameters</h4><table><tr><th>name</th><th>in</th><th>required</th><th>schema</th></tr>${rows.join('')}</table>`;
}

function contentHtml(title: string, content: unknown): string {
  return Object.entries(record(content))
    .map(([mediaType, media]) => `<h4>${escapeHtml(title)} <code>${escapeHtml(mediaType)}</code></h4>${json(record(media).schema ?? {})}`)
    .join('');
}

function operationHtml(options: { readonly method: string; readonly path: string; readonly operation: Record<string, unknown> }): string {
  const { method, path, operation } = options;
  const responses = Object.entries(record(operation.responses))
    .map(([status, response]) => `<li><strong>${escapeHtml(status)}</strong> ${escapeHtml(String(record(response).description ?? ''))}${contentHtml('', record(response).content)}</li>`)
    .join('');
  return `<details id="${escapeHtml(`${method}-${path}`)}"><summary><span class="method ${method}">${method.toUpperCase()}</span> <code>${escapeHtml(path)}</code> ${escapeHtml(String(operation.summary ?? ''))} <span class="access">${escapeHtml(accessText(operation['x-access']))}</span></summary>
<p>${escapeHtml(String(operation.description ?? ''))}</p>${parametersHtml(operation.parameters)}${contentHtml('Request body', record(operation.requestBody).content)}<h4>Responses</h4><ul>${responses}</ul></details>`;
}

export function renderDocsPage(document: OpenApiDocument): string {
  const sections = new Map<string, string[]>();
  for (const [path, item] of Object.entries(record(document.paths))) {
    for (const method of METHODS) {
      const operation = record(record(item)[method]);
      if (Object.keys(operation).length === 0) continue;
      const tag = Array.isArray(operation.tags) && typeof operation.tags[0] === 'string' ? operation.tags[0] : 'other';
      sections.set(tag, [...(sections.get(tag) ?? []), operationHtml({ method, path, operation })]);
    }
  }
  const body = [...sections].map(([tag, operations]) => `<section><h2>${escapeHtml(tag)}</h2>${operations.join('\n')}</section>`).join('\n');
  const schemas = Object.entries(record(document.components?.schemas))
    .map(([name, schema]) => `<details id="schema-${escapeHtml(name)}"><summary><code>${escapeHtml(name)}</code></summary>${json(schema)}</details>`)
    .join('\n');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(document.info.title)} ${escapeHtml(document.info.version)}</title><link rel="stylesheet" href="/docs/docs.css"></head>
<body><header><h1>${escapeHtml(document.info.title)} <small>${escapeHtml(document.info.version)}</small></h1>
<p>${escapeHtml(document.info.description ?? '')}</p><p>Machine-readable: <a href="/openapi.json">/openapi.json</a> (OpenAPI ${escapeHtml(document.openapi)}).</p></header>
<main>${body}<section><h2>Schemas</h2>${schemas}</section></main></body></html>`;
}

export const DOCS_CSS = `body{font:15px/1.5 system-ui,sans-serif;margin:0 auto;max-width:1100px;padding:1rem 2rem;color:#1d2330;background:#fbfbfd}
h1 small{font-weight:400;color:#5b6475}h2{border-bottom:1px solid #d8dce5;padding-bottom:.25rem;margin-top:2rem;text-transform:capitalize}
details{border:1px solid #d8dce5;border-radius:6px;margin:.4rem 0;background:#fff}summary{cursor:pointer;padding:.45rem .7rem}
details>*:not(summary){margin-left:1rem;margin-right:1rem}pre{background:#f2f4f8;padding:.6rem;overflow:auto;font-size:13px;border-radius:4px}
.method{display:inline-block;min-width:4.2rem;text-align:center;font-weight:600;border-radius:4px;color:#fff;background:#56607a;font-size:12px;padding:.1rem .3rem}
.get{background:#1f6feb}.post{background:#1a7f37}.put,.patch{background:#9a6700}.delete{background:#cf222e}
.access{float:right;color:#5b6475;font-size:13px}table{border-collapse:collapse;margin:.3rem 0}td,th{border:1px solid #d8dce5;padding:.2rem .5rem;text-align:left;font-size:13px}`;
