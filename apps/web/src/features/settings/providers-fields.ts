// Which extra settings each provider kind asks for, and the change a provider form sends.
import type { ProviderChange, ProviderOptions, ProviderSettingsView } from '@agent-generator/client';

type OptionName = keyof ProviderOptions;

const OPTION_LABELS: Readonly<Record<OptionName, string>> = { region: 'Region', project: 'Project id', spaceId: 'Space id', apiVersion: 'API version' };

const OPTIONS_BY_KIND: Readonly<Record<string, ReadonlyArray<OptionName>>> = {
  'azure-openai': ['apiVersion'],
  bedrock: ['region'],
  vertex: ['project', 'region'],
  watsonx: ['project', 'spaceId', 'apiVersion'],
};

export const KIND_LABELS: Readonly<Record<string, string>> = { gemini: 'Gemini API (API key)', vertex: 'Vertex AI (project and location)' };

export function optionFields(kind: string): ReadonlyArray<{ readonly name: OptionName; readonly label: string }> {
  return (OPTIONS_BY_KIND[kind] ?? []).map((name) => ({ name, label: OPTION_LABELS[name] }));
}

export interface ProviderDraft {
  readonly enabled: boolean;
  readonly kind: string;
  readonly baseUrl: string;
  /** Empty keeps the stored key; the field never shows it. */
  readonly apiKey: string;
  readonly defaultModel: string;
  readonly options: ProviderOptions;
}

export function draftOf(provider: ProviderSettingsView): ProviderDraft {
  return { enabled: provider.enabled, kind: provider.kind, baseUrl: provider.baseUrl ?? '', apiKey: '', defaultModel: provider.defaultModel ?? '', options: provider.options };
}

const orNull = (text: string): string | null => (text.trim() === '' ? null : text.trim());

/** Only what differs from the stored provider (a typed key always counts). */
export function changeOf(provider: ProviderSettingsView, draft: ProviderDraft): ProviderChange {
  const options: Partial<Record<OptionName, string | null>> = {};
  for (const { name } of optionFields(draft.kind)) {
    const value = orNull(draft.options[name] ?? '');
    if (value !== (provider.options[name] ?? null)) options[name] = value;
  }
  return {
    ...(draft.enabled !== provider.enabled ? { enabled: draft.enabled } : {}),
    ...(draft.kind !== provider.kind ? { kind: draft.kind } : {}),
    ...(orNull(draft.baseUrl) !== provider.baseUrl ? { baseUrl: orNull(draft.baseUrl) } : {}),
    ...(draft.apiKey.trim() !== '' ? { apiKey: draft.apiKey.trim() } : {}),
    ...(orNull(draft.defaultModel) !== provider.defaultModel ? { defaultModel: orNull(draft.defaultModel) } : {}),
    ...(Object.keys(options).length > 0 ? { options } : {}),
  };
}
