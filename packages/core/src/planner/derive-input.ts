// The run-time input of a generated project: a `topic` when the idea names a subject ("papers
// about multi-agent systems"), else the whole `request`, with a default taken from the idea.
import type { ProjectSpecInput } from '@agent-generator/contracts';
import { FRAMEWORK_PHRASES, HYPERSCALER_PHRASES, PROVIDER_PHRASES } from './signal-phrases';
import { firstMatch } from './match-phrase';
import { cutWords, neutralizeBraces } from './text-helpers';

type InputSpecInput = ProjectSpecInput['inputs'] extends ReadonlyArray<infer T> | undefined ? T : never;

export interface DerivedInput {
  readonly input: InputSpecInput;
  /** The placeholder agents and tasks use, e.g. `{topic}`. */
  readonly placeholder: string;
}

const MAX_DEFAULT = 200;
const SUBJECT = /(?<![\p{L}\p{N}])(?:about|on|regarding|covering|concerning)\s+([^\n]{1,100}?)(?=\s+(?:and|then|to|for|with|using|via|on|in|into|from|every|each|daily|weekly|monthly|that|which|so)(?![\p{L}\p{N}])|[,;:!?\n(]|\.(?:\s|$)|$)/giu;
// "on AWS", "on the web": places and platforms, not subjects.
const NOT_SUBJECTS = [
  ...Object.values(HYPERSCALER_PHRASES).flat(),
  ...Object.values(FRAMEWORK_PHRASES).flat(),
  ...Object.values(PROVIDER_PHRASES).flat(),
  'the web', 'the internet', 'the cloud', 'github', 'slack', 'my machine', 'a schedule', 'demand', 'request', 'top', 'time',
];

function subjectOf(text: string): string | undefined {
  for (const match of text.matchAll(SUBJECT)) {
    const candidate = (match[1] ?? '').trim().replace(/^(?:the\s+latest|latest|recent)\s+/iu, '');
    if (candidate.length < 3 || candidate.length > 100) continue;
    const platform = firstMatch(candidate, NOT_SUBJECTS);
    if (platform && platform.index === 0) continue;
    return candidate;
  }
  return undefined;
}

function firstSentence(text: string): string {
  const sentence = text.split(/(?<=[.!?])\s+|\n/u)[0] ?? text;
  return cutWords(sentence, MAX_DEFAULT);
}

export function deriveInput(idea: string): DerivedInput {
  const subject = subjectOf(idea);
  if (subject) {
    return {
      input: { name: 'topic', description: 'The subject the agents work on', default: neutralizeBraces(subject) },
      placeholder: '{topic}',
    };
  }
  return {
    input: { name: 'request', description: 'What you want the agents to do', default: neutralizeBraces(firstSentence(idea)) },
    placeholder: '{request}',
  };
}
