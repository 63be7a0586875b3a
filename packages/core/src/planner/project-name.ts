// A project's display name and slug, taken from the idea's opening noun phrase
// ("Create a research assistant with Wikipedia search" → "Research Assistant", research-assistant).
import { isReservedIdentifier, SlugSchema } from '@agent-generator/contracts';
import { cutWords, toKebab } from './text-helpers';

export const FALLBACK_NAME = 'Agent Project';
export const FALLBACK_SLUG = 'agent-project';

const MAX_NAME_WORDS = 6;
const MAX_NAME_LENGTH = 80;
const MAX_SLUG = 48;

const LEADING = /^(?:(?:please|can you|could you|i want|i need|i'd like|we need|we want|help me|let's|create|build|make|generate|design|develop|set up|setup|write|implement|code|give me|use|an?|the|me|us|some|new|simple|small)\s+|(?:yaml|json|python|code|config)\s+(?:for|of)\s+)+/iu;
const HARD_STOP = /[,.;:!?\n(]|\s(?:that|which|who|and|then|so|where|when|while)(?=\s)/iu;
const SOFT_STOP = /^(?:with|to|for|using|on|in|from|via|by)$/iu;
// Words that say "a system" without saying what for; a name needs more than these.
const GENERIC = new Set([
  'agent', 'agents', 'multi-agent', 'ai', 'system', 'crew', 'team', 'bot', 'app', 'tool', 'pipeline', 'workflow', 'orchestration', 'project',
  'service', 'solution', 'assistant', 'crewai', 'flow', 'langgraph', 'autogen', 'strands', 'llamaindex', 'watsonx', 'orchestrate', 'react',
]);
const SMALL = new Set(['a', 'an', 'the', 'and', 'or', 'of', 'for', 'with', 'to', 'in', 'on', 'by', 'from', 'via']);

function capitalise(word: string, first: boolean): string {
  if (/\p{Lu}/u.test(word)) return word;
  if (!first && SMALL.has(word)) return word;
  return word.replace(/(^|-)(\p{Ll})/gu, (_match, prefix: string, letter: string) => `${prefix}${letter.toUpperCase()}`);
}

function titleCase(words: ReadonlyArray<string>): string {
  return cutWords(words.map((word, index) => capitalise(word, index === 0)).join(' '), MAX_NAME_LENGTH);
}

const isGeneric = (word: string): boolean => GENERIC.has(word.toLowerCase());

/**
 * A short, title-cased name for the idea; never empty. When the idea opens with a generic noun
 * ("a crew on AWS that…") and names a subject, the subject makes the better name.
 */
export function projectName(idea: string, subject?: string): string {
  const head = idea.replace(LEADING, '').split(HARD_STOP)[0] ?? '';
  const words = head.trim().split(/\s+/u).filter((word) => word.length > 0);
  const soft = words.findIndex((word, index) => SOFT_STOP.test(word) && words.slice(0, index).some((before) => !isGeneric(before)));
  const firstSoft = words.findIndex((word) => SOFT_STOP.test(word));
  const opening = firstSoft < 0 ? words : words.slice(0, firstSoft);
  const genericOpening = opening.length > 0 && opening.every(isGeneric);
  const last = opening[opening.length - 1];
  if (genericOpening && subject && last) return titleCase([...subject.split(/\s+/u).slice(0, MAX_NAME_WORDS - 1), last]);
  const kept = (soft > 0 ? words.slice(0, soft) : words).slice(0, MAX_NAME_WORDS);
  while (kept.length > 0 && SMALL.has((kept[kept.length - 1] ?? '').toLowerCase())) kept.pop();
  const name = titleCase(kept);
  return name.length > 0 ? name : FALLBACK_NAME;
}

/** A slug that passes SlugSchema: kebab-case ASCII, at most 48 characters, not reserved. */
export function slugOf(name: string): string {
  const kebab = toKebab(name);
  // A slug starts with a letter: "3D printing helper" → project-3d-printing-helper.
  let slug = /^[0-9]/.test(kebab) ? `project-${kebab}` : kebab;
  if (slug.length > MAX_SLUG) {
    const cut = slug.slice(0, MAX_SLUG + 1);
    const boundary = cut.lastIndexOf('-');
    slug = (boundary > 0 ? cut.slice(0, boundary) : slug.slice(0, MAX_SLUG)).replace(/-+$/, '');
  }
  if (isReservedIdentifier(slug.replaceAll('-', '_'))) slug = `${slug}-project`;
  return SlugSchema.safeParse(slug).success ? slug : FALLBACK_SLUG;
}
