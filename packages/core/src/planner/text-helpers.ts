// Small text operations the planner uses to turn an idea into names, ids and quoted clauses.
import { isReservedIdentifier } from '@agent-generator/contracts';

const MAX_IDENTIFIER = 48;

/**
 * Braces are input placeholders ({topic}) in several frameworks' prompt templates; text quoted
 * from the idea must not create one by accident, so its braces become parentheses.
 */
export function neutralizeBraces(text: string): string {
  return text.replace(/\{/g, '(').replace(/\}/g, ')');
}

/** Length in code points, as the spec schema counts it: an emoji is one character, not two. */
export function characterCount(text: string): number {
  return text.length - (text.match(/[\uD800-\uDBFF][\uDC00-\uDFFF]/g)?.length ?? 0);
}

/** Cuts text to at most `max` characters at a word boundary, adding an ellipsis when cut. */
export function cutWords(text: string, max: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= max) return flat;
  const slice = Array.from(flat).slice(0, max - 1).join('');
  const space = slice.lastIndexOf(' ');
  const head = space > max / 2 ? slice.slice(0, space) : slice;
  return `${head.replace(/[\s,;:.-]+$/u, '')}…`;
}

const CLAUSE_BREAK = /[\n;!?]+|[.:](?:\s+|$)|,\s*|\s+(?:and then|and|then|that|which|who|so that|before|after)\s+/iu;

/** The idea split into clauses ("finds papers", "writes a digest"), trimmed and non-empty. */
export function splitClauses(text: string): ReadonlyArray<string> {
  return text
    .split(new RegExp(CLAUSE_BREAK.source, 'giu'))
    .map((clause) => clause.trim())
    .filter((clause) => clause.length > 0);
}

/** ASCII folding: "Café Critic" → "cafe critic"; scripts without a Latin form fold to nothing. */
function asciiFold(text: string): string {
  return text.normalize('NFKD').replace(/\p{M}+/gu, '').toLowerCase();
}

/** A snake_case identifier that passes IdentifierSchema, or the fallback when nothing is left. */
export function toIdentifier(text: string, fallback: string): string {
  const base = asciiFold(text)
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^[^a-z]+/, '')
    .slice(0, MAX_IDENTIFIER)
    .replace(/_+$/, '');
  if (base.length === 0) return fallback;
  return isReservedIdentifier(base) ? `${base.slice(0, MAX_IDENTIFIER - 6)}_agent` : base;
}

/** `base`, or `base_2`, `base_3`… whichever is not yet used; records the result in `used`. */
export function uniqueIdentifier(base: string, used: Set<string>): string {
  let candidate = base;
  for (let counter = 2; used.has(candidate); counter += 1) {
    const suffix = `_${counter}`;
    candidate = `${base.slice(0, MAX_IDENTIFIER - suffix.length)}${suffix}`;
  }
  used.add(candidate);
  return candidate;
}

/** kebab-case from any text, ASCII only; may be empty or start with a digit. */
export function toKebab(text: string): string {
  return asciiFold(text).replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
}
