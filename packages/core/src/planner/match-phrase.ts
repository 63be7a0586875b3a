// Whole-word phrase matching: "workflow" never matches "flow", "awsome" never matches "aws".
// Letters, digits, combining marks and underscores of any script are word characters; words of a
// phrase may be separated by spaces or hyphens ("on-prem" = "on prem"). Inflections are not
// guessed: "emailing" does not match "email"; phrase lists name the forms they accept.

const WORD_BEFORE = /[\p{L}\p{N}\p{M}_]$/u;
const WORD_AFTER = /^[\p{L}\p{N}\p{M}_]/u;
const cache = new Map<string, RegExp>();

function escapeRegExp(value: string): string {
  return value.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

// Boundaries are checked by hand with two shared expressions: a Unicode letter class inside every
// phrase pattern would be compiled hundreds of times (slow on first use), and a pattern that is a
// plain literal lets the engine skip ahead quickly through long ideas.
function phraseRegExp(phrase: string): RegExp {
  const cached = cache.get(phrase);
  if (cached) return cached;
  const words = phrase.normalize('NFKC').split(/[\s-]+/u).filter((word) => word.length > 0).map(escapeRegExp);
  const pattern = new RegExp(words.join(String.raw`[\s\-]+`), 'giu');
  cache.set(phrase, pattern);
  return pattern;
}

function isWholeWord(text: string, start: number, end: number): boolean {
  return !WORD_BEFORE.test(text.slice(Math.max(0, start - 2), start)) && !WORD_AFTER.test(text.slice(end, end + 2));
}

/** Text prepared for matching: compatibility-normalised so "ＡＷＳ" reads as "AWS". */
export function normalizeForMatching(text: string): string {
  return text.normalize('NFKC');
}

export interface PhraseMatch {
  readonly phrase: string;
  readonly index: number;
  readonly text: string;
}

/** The first whole-word occurrence of the phrase in (normalised) text, case-insensitively. */
export function findPhrase(text: string, phrase: string): PhraseMatch | undefined {
  const pattern = phraseRegExp(phrase);
  pattern.lastIndex = 0;
  for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
    if (isWholeWord(text, match.index, match.index + match[0].length)) return { phrase, index: match.index, text: match[0] };
    pattern.lastIndex = match.index + 1;
  }
  return undefined;
}

/** The earliest match of any phrase; on a tie the longer match wins ("CrewAI Flow" over "CrewAI"). */
export function firstMatch(text: string, phrases: ReadonlyArray<string>): PhraseMatch | undefined {
  let best: PhraseMatch | undefined;
  for (const phrase of phrases) {
    const match = findPhrase(text, phrase);
    if (!match) continue;
    if (!best || match.index < best.index || (match.index === best.index && match.text.length > best.text.length)) best = match;
  }
  return best;
}
