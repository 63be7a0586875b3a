// The messages that ask a model for a ProjectSpec draft, and the one repair request.
import { HYPERSCALER_IDS, PATTERN_IDS, type ChatMessage, type PatternId } from '@agent-generator/contracts';
import { frameworks } from '../catalog/frameworks';
import { models } from '../catalog/models';
import { tools } from '../catalog/tools';
import type { PlanChoices } from './plan-types';

export interface DraftIssue {
  readonly path: string;
  readonly message: string;
}

function catalogText(): string {
  const frameworkLines = frameworks.map((entry) => {
    const patterns = PATTERN_IDS.filter((pattern: PatternId) => entry.patterns[pattern] !== 'unsupported');
    return `- ${entry.id} (${entry.name}): patterns ${patterns.join(', ')}; clouds ${entry.hyperscalers.join(', ')}`;
  });
  const modelLines = models.map((entry) => `- provider ${entry.provider}, id ${entry.id}`);
  const toolLines = tools.map((entry) => `- ${entry.id}: ${entry.description}`);
  return [
    'Frameworks:', ...frameworkLines,
    `Patterns: ${PATTERN_IDS.join(', ')}`,
    `Hyperscalers (clouds): ${HYPERSCALER_IDS.join(', ')}`,
    'Models:', ...modelLines,
    'Tools:', ...toolLines,
  ].join('\n');
}

const RULES = [
  'You design multi-agent systems. Reply with one JSON object and nothing else: a ProjectSpec that matches the JSON Schema you were given.',
  'Rules:',
  '- "version" is 1 and "idea" is the idea exactly as given.',
  '- "slug" is kebab-case ASCII (lowercase letters, digits, single hyphens), starts with a letter, at most 48 characters.',
  '- Agent, task and input ids are snake_case (lowercase letters, digits, underscores; start with a letter; at most 48 characters) and are not Python keywords or common names such as class, list, input, type, main, test, tools, config.',
  '- 2 to 5 agents, each with a role, a goal and a backstory; set allowDelegation true only for a supervisor.',
  '- One task per agent, listed in execution order; each task names its agent and lists in "context" only ids of earlier tasks.',
  '- Use only the catalog ids below. Every tool an agent uses must also appear in the top-level "tools" array.',
  '- Add one input named "topic" or "request" with a default taken from the idea, and refer to it as {topic} or {request} in goals and task descriptions.',
  '- "output" is {"format": "markdown", "file": "report.md"} or another plain file name.',
].join('\n');

function choicesText(choices: PlanChoices): string {
  const fixed = [
    choices.framework && `framework: ${choices.framework}`,
    choices.pattern && `pattern: ${choices.pattern}`,
    choices.hyperscaler && `hyperscaler: ${choices.hyperscaler}`,
    choices.provider && `model provider: ${choices.provider}`,
    choices.model && `model id: ${choices.model}`,
    choices.tools && `tools (exactly these): ${choices.tools.length > 0 ? choices.tools.join(', ') : 'none'}`,
    choices.name && `project name: ${choices.name}`,
  ].filter((line): line is string => typeof line === 'string' && line.length > 0);
  return fixed.length > 0
    ? `The person fixed these choices; use exactly these values:\n${fixed.map((line) => `- ${line}`).join('\n')}`
    : 'The person fixed no choices: pick the framework, pattern, cloud, model and tools that suit the idea best.';
}

export function planningMessages(idea: string, choices: PlanChoices): ReadonlyArray<ChatMessage> {
  return [
    { role: 'system', content: `${RULES}\n\n${catalogText()}` },
    { role: 'user', content: `Idea (between the markers):\n<<<IDEA\n${idea}\nIDEA>>>\n\n${choicesText(choices)}` },
  ];
}

export function describeIssues(issues: ReadonlyArray<DraftIssue>, limit = 12): string {
  const shown = issues.slice(0, limit).map((issue) => `${issue.path}: ${issue.message}`);
  const more = issues.length > limit ? [`…and ${issues.length - limit} more`] : [];
  return [...shown, ...more].join('; ');
}

export function repairMessage(issues: ReadonlyArray<DraftIssue>): ChatMessage {
  const list = issues.slice(0, 30).map((issue) => `- ${issue.path}: ${issue.message}`).join('\n');
  return {
    role: 'user',
    content: `That answer is not a valid ProjectSpec. Fix these problems and reply with the whole corrected JSON object only:\n${list}`,
  };
}
