// Limits and cleaning for free text a person types; every renderer still escapes on output.
import { z } from 'zod';

/** The longest idea the planner accepts, in characters. Documented in the README and CLI help. */
export const MAX_IDEA_LENGTH = 4000;
export const MAX_TEXT_LENGTH = 4000;

// Lone surrogates cannot be encoded as UTF-8; NUL and other C0/C1 controls break parsers and
// terminals. Tabs and newlines stay: they are ordinary text and renderers escape them.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/g;

/** Removes characters no target format can carry safely; keeps everything a person would type. */
export function cleanText(value: string): string {
  return value.replace(LONE_SURROGATE, '\uFFFD').replace(CONTROL, '').replace(/\r\n?/g, '\n');
}

/** A free-text field: cleaned, then length-checked. */
export function textField(max: number = MAX_TEXT_LENGTH) {
  return z.string().transform(cleanText).pipe(z.string().max(max));
}
