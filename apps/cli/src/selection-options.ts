// Parses and validates --framework/--pattern/--hyperscaler/--provider/--model/--tools flags.
import {
  FRAMEWORK_IDS,
  HYPERSCALER_IDS,
  PATTERN_IDS,
  PROVIDER_IDS,
  TOOL_IDS,
  type FrameworkId,
  type HyperscalerId,
  type PatternId,
  type ProviderId,
  type ToolId,
} from '@agent-generator/contracts';
import { catalog } from '@agent-generator/core';
import { CliError } from './cli-error';

export const SELECTION_FLAGS = {
  framework: { type: 'string', short: 'f' },
  pattern: { type: 'string', short: 'p' },
  hyperscaler: { type: 'string' },
  provider: { type: 'string' },
  model: { type: 'string', short: 'm' },
  tools: { type: 'string' },
} as const;

export interface SelectionChoices {
  framework?: FrameworkId;
  pattern?: PatternId;
  hyperscaler?: HyperscalerId;
  provider?: ProviderId;
  model?: string;
  tools?: ToolId[];
}

function oneOf<T extends string>(flag: string, value: string | undefined, allowed: ReadonlyArray<T>): T | undefined {
  if (value === undefined) return undefined;
  if ((allowed as ReadonlyArray<string>).includes(value)) return value as T;
  throw new CliError(`unknown --${flag} "${value}". Choose one of: ${allowed.join(', ')}.`);
}

function resolveProvider(model: string, hyperscaler: HyperscalerId | undefined): ProviderId {
  const candidates = catalog.models.filter((entry) => entry.id === model);
  if (candidates.length === 0) {
    throw new CliError(
      `unknown --model "${model}". Run \`agent-generator catalog\` for the models we know, or add --provider to use any model id (e.g. --provider openai-compatible).`,
    );
  }
  const native = candidates.find((entry) => hyperscaler && catalog.providers.find((provider) => provider.id === entry.provider)?.hyperscalers.includes(hyperscaler));
  return (native ?? candidates[0])?.provider ?? 'openai-compatible';
}

export function parseSelection(values: Partial<Record<keyof typeof SELECTION_FLAGS, string | undefined>>): SelectionChoices {
  const choices: SelectionChoices = {};
  const framework = oneOf('framework', values.framework, FRAMEWORK_IDS);
  const pattern = oneOf('pattern', values.pattern, PATTERN_IDS);
  const hyperscaler = oneOf('hyperscaler', values.hyperscaler, HYPERSCALER_IDS);
  let provider = oneOf('provider', values.provider, PROVIDER_IDS);
  if (values.model !== undefined) {
    if (!/^[A-Za-z0-9][A-Za-z0-9._:/@-]{0,127}$/.test(values.model)) throw new CliError(`--model "${values.model}" is not a model id (letters, digits and . _ : / @ -).`);
    provider ??= resolveProvider(values.model, hyperscaler);
    choices.model = values.model;
  }
  if (framework) choices.framework = framework;
  if (pattern) choices.pattern = pattern;
  if (hyperscaler) choices.hyperscaler = hyperscaler;
  if (provider) choices.provider = provider;
  if (values.tools !== undefined) {
    const names = values.tools.split(',').map((name) => name.trim()).filter(Boolean);
    choices.tools = names.map((name) => oneOf('tools', name, TOOL_IDS)).filter((tool): tool is ToolId => tool !== undefined);
  }
  return choices;
}
