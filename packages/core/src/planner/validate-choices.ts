// Explicit choices arrive from the CLI, API and wizard; they are checked once here.
import {
  FrameworkIdSchema,
  HyperscalerIdSchema,
  ModelRefSchema,
  PatternIdSchema,
  ProviderIdSchema,
  ToolIdSchema,
  UserError,
  cleanText,
} from '@agent-generator/contracts';
import type { PlanChoices } from './plan-types';
import { characterCount } from './text-helpers';

const MAX_NAME_LENGTH = 120;

interface Check {
  readonly field: string;
  readonly value: unknown;
  readonly valid: (value: unknown) => boolean;
  readonly expected: string;
}

function checksOf(choices: PlanChoices): ReadonlyArray<Check> {
  const name = choices.name === undefined ? undefined : cleanText(choices.name).trim();
  return [
    { field: 'framework', value: choices.framework, valid: (value) => FrameworkIdSchema.safeParse(value).success, expected: FrameworkIdSchema.options.join(', ') },
    { field: 'pattern', value: choices.pattern, valid: (value) => PatternIdSchema.safeParse(value).success, expected: PatternIdSchema.options.join(', ') },
    { field: 'hyperscaler', value: choices.hyperscaler, valid: (value) => HyperscalerIdSchema.safeParse(value).success, expected: HyperscalerIdSchema.options.join(', ') },
    { field: 'provider', value: choices.provider, valid: (value) => ProviderIdSchema.safeParse(value).success, expected: ProviderIdSchema.options.join(', ') },
    { field: 'model', value: choices.model, valid: (value) => ModelRefSchema.shape.id.safeParse(value).success, expected: 'a provider model id such as gpt-4o or qwen2.5:1.5b' },
    {
      field: 'tools',
      value: choices.tools,
      valid: (value) => Array.isArray(value) && value.every((tool) => ToolIdSchema.safeParse(tool).success) && new Set(value).size === value.length,
      expected: `each tool at most once, from: ${ToolIdSchema.options.join(', ')}`,
    },
    { field: 'name', value: name, valid: (value) => typeof value === 'string' && value.length > 0 && characterCount(value) <= MAX_NAME_LENGTH, expected: `1–${MAX_NAME_LENGTH} characters` },
  ];
}

function preview(value: unknown): string {
  const text = JSON.stringify(value);
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

/** Throws a UserError naming every invalid choice; returns the choices with a cleaned name. */
export function validateChoices(choices: PlanChoices): PlanChoices {
  const problems = checksOf(choices).filter((check) => check.value !== undefined && !check.valid(check.value));
  if (problems.length > 0) {
    const list = problems.map((problem) => `${problem.field} (${preview(problem.value)}): expected ${problem.expected}`).join('; ');
    throw new UserError('invalid_input', `Some choices are not valid: ${list}.`, { fields: problems.map((problem) => problem.field) });
  }
  return choices.name === undefined ? choices : { ...choices, name: cleanText(choices.name).trim() };
}
