// Text placed inside a generated Python docstring: one line, no quotes or backslashes that could end it.

/** Our own catalog text (never user input) made safe for a triple-quoted docstring. */
export function docstringText(value: string): string {
  return value.replace(/\s+/g, ' ').replace(/\\/g, '/').replace(/"/g, "'").trim();
}
