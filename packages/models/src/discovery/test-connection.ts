// "Test connection": lists models where the provider can, else asks the model for one token.
import { OperationalError, UserError } from '@agent-generator/contracts';
import { createAgentModel, parseProviderSettings, type ModelOptions } from '../create-agent-model';
import { PROVIDERS } from '../provider-catalog';
import type { ProviderSettingsInput } from '../provider-settings';
import { listModels } from './list-models';

export interface ConnectionResult {
  readonly ok: boolean;
  readonly latencyMs: number;
  /** Safe to show: never contains a credential. */
  readonly message: string;
  /** The error code when `ok` is false. */
  readonly code?: string;
}

async function probe(input: ProviderSettingsInput, options: ModelOptions): Promise<string> {
  const settings = parseProviderSettings(input);
  const label = PROVIDERS[settings.provider].label;
  const listing = await listModels(settings, options);
  if (listing.offered) {
    const known = listing.models.some((model) => model.id === settings.model);
    const count = `${listing.models.length} model${listing.models.length === 1 ? '' : 's'} available`;
    return `Connected to ${label}: ${count}${known ? `, including ${settings.model}` : `; "${settings.model}" is not among them`}.`;
  }
  const model = createAgentModel(settings, options);
  for await (const part of model.stream({ messages: [{ role: 'user', content: 'Reply with the word ok.' }], maxOutputTokens: 1 })) {
    if (part.type === 'finish') break;
  }
  return `Connected to ${label}: the model ${settings.model} answered.`;
}

export async function testConnection(input: ProviderSettingsInput, options: ModelOptions & { readonly now?: () => number } = {}): Promise<ConnectionResult> {
  const now = options.now ?? (() => performance.now());
  const started = now();
  const elapsed = (): number => Math.round(now() - started);
  try {
    const message = await probe(input, options);
    return { ok: true, latencyMs: elapsed(), message };
  } catch (error) {
    if (error instanceof OperationalError || error instanceof UserError) return { ok: false, latencyMs: elapsed(), message: error.message, code: error.code };
    throw error;
  }
}
