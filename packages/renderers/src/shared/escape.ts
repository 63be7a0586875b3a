// Escaping of user text for every target language of a generated project. User text reaches
// generated files only through these functions, so no prompt can add a statement or break a parser.

// Characters outside what YAML 1.1 (PyYAML) accepts unescaped, plus line and paragraph separators
// that some parsers treat as newlines.
// eslint-disable-next-line no-control-regex
const UNSAFE = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u2028\u2029\uFEFF\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

function hex4(char: string): string {
  return char.charCodeAt(0).toString(16).padStart(4, '0');
}

function escapeCommon(value: string, quote: '"'): string {
  let out = '';
  for (const char of value) {
    switch (char) {
      case '\\': out += '\\\\'; break;
      case quote: out += `\\${quote}`; break;
      case '\n': out += '\\n'; break;
      case '\r': out += '\\r'; break;
      case '\t': out += '\\t'; break;
      default:
        out += char.length === 1 && UNSAFE.test(char) ? `\\u${hex4(char)}` : char;
        UNSAFE.lastIndex = 0;
    }
  }
  return out;
}

/** A Python `str` literal: `"..."` with every quote, backslash and control character escaped. */
export function pyString(value: string): string {
  return `"${escapeCommon(value, '"')}"`;
}

/** A YAML double-quoted scalar, valid for YAML 1.1 (PyYAML) and 1.2 parsers. */
export function yamlString(value: string): string {
  return `"${escapeCommon(value, '"')}"`;
}

/** A TOML basic string. */
export function tomlString(value: string): string {
  return `"${escapeCommon(value, '"')}"`;
}

/** A JSON document with a trailing newline, stable key order as given. */
export function jsonDocument(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}

/** Markdown text that renders literally: no headings, links, HTML or code spans from user input. */
export function markdownText(value: string): string {
  return value
    .replace(UNSAFE, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/[\\`*_{}[\]()#+\-.!|~>]/g, (char) => `\\${char}`);
}

/** Markdown inline text on one line (for table cells and list items). */
export function markdownInline(value: string): string {
  return markdownText(value.replace(/\s+/g, ' ').trim());
}

/** A Markdown block quote of possibly multi-line user text. */
export function markdownQuote(value: string): string {
  return value
    .split('\n')
    .map((line) => `> ${markdownText(line)}`.trimEnd())
    .join('\n');
}

/** Text safe inside a `#` comment of Python, YAML, TOML or a Dockerfile: one line, no escapes needed. */
export function commentText(value: string): string {
  return value.replace(UNSAFE, '').replace(/\s+/g, ' ').trim();
}

/** Python identifier from a snake_case id (already validated by the spec schema). */
export function pyClassName(id: string): string {
  return id
    .split(/[_-]/)
    .filter(Boolean)
    .map((part) => (part[0] ?? '').toUpperCase() + part.slice(1))
    .join('');
}

/** The Python package name of a project: its slug with hyphens as underscores. */
export function packageName(slug: string): string {
  return slug.replaceAll('-', '_');
}
