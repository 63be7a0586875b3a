// Agents the idea names itself: "a Honda Marketing Supervisor agent", "the Content Curator agent".
// A name is a run of capitalised words right before "agent"; leading articles, verbs and product
// names are not part of it ("Create a CrewAI agent" names nobody).
import { firstMatch } from './match-phrase';
import { ROLE_TEMPLATES, type RoleKind } from './role-templates';
import { neutralizeBraces } from './text-helpers';

export interface NamedAgent {
  readonly name: string;
  /** The role template whose nouns the name contains, if any. */
  readonly kind?: RoleKind;
}

const MAX_NAMED = 5;
const MAX_NAME_LENGTH = 60;
const NAMED_RUN = /((?:\p{Lu}[\p{L}\p{N}&'’.-]*\s+){1,5})[Aa]gents?(?![\p{L}\p{N}])/gu;

const NOT_A_NAME = new Set([
  'a', 'an', 'the', 'my', 'our', 'your', 'their', 'this', 'that', 'one', 'each', 'every', 'another', 'i', 'we', 'create', 'build', 'make',
  'design', 'generate', 'write', 'add', 'use', 'using', 'need', 'want', 'please', 'ai', 'llm', 'multi', 'single', 'simple', 'new', 'yaml',
  'json', 'python', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'crewai', 'langgraph', 'autogen', 'strands',
  'llamaindex', 'watsonx', 'orchestrate', 'react', 'aws', 'azure', 'gcp', 'ibm', 'google', 'amazon', 'microsoft', 'bedrock', 'vertex',
  'ollama', 'openai', 'anthropic', 'claude', 'gemini', 'flow', 'crew',
]);

function isSentenceStart(text: string, index: number): boolean {
  return index === 0 || /[.!?\n]\s*$/u.test(text.slice(Math.max(0, index - 3), index));
}

function kindOfName(name: string): RoleKind | undefined {
  return ROLE_TEMPLATES.find((template) => firstMatch(name, template.nouns) !== undefined)?.kind;
}

/** Named agents in order of first mention, without duplicates. */
export function extractNamedAgents(text: string): ReadonlyArray<NamedAgent> {
  const found: NamedAgent[] = [];
  const seen = new Set<string>();
  for (const match of text.matchAll(NAMED_RUN)) {
    const words = (match[1] ?? '').trim().split(/\s+/u);
    const start = words.findIndex((word) => !NOT_A_NAME.has(word.toLowerCase().replace(/[^\p{L}\p{N}]/gu, '')));
    if (start < 0) continue;
    const nameWords = words.slice(start);
    // "Research agent that…" opens a sentence: the capital is grammar, not a name.
    if (start === 0 && nameWords.length === 1 && isSentenceStart(text, match.index)) continue;
    const name = neutralizeBraces(nameWords.join(' ')).slice(0, MAX_NAME_LENGTH).trim();
    const key = name.toLowerCase();
    if (seen.has(key)) continue;
    seen.add(key);
    const kind = kindOfName(name);
    found.push(kind ? { name, kind } : { name });
    if (found.length === MAX_NAMED) break;
  }
  return found;
}
