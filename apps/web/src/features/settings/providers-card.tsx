// One model provider's settings: enabled, base URL, a write-only API key, default model, and a
// Test connection button that shows the provider's answer and how long it took.
import type { ProviderChange, ProviderConnectionResult, ProviderModelListing, ProviderSettingsView } from '@agent-generator/client';
import { Badge, Button, SelectField, TextField } from '@agent-generator/ui';
import { useState } from 'react';
import { changeOf, draftOf, KIND_LABELS, optionFields, type ProviderDraft } from './providers-fields';

export interface ProvidersCardProps {
  readonly provider: ProviderSettingsView;
  readonly canEdit: boolean;
  /** The provider's model list, or why there is none. */
  readonly models?: ProviderModelListing | { readonly error: string } | undefined;
  readonly onSave: (change: ProviderChange) => Promise<unknown>;
  readonly onTest: (change: ProviderChange) => Promise<ProviderConnectionResult>;
}

type TestState = { readonly state: 'idle' } | { readonly state: 'testing' } | { readonly state: 'done'; readonly result: ProviderConnectionResult };

function modelChoices(provider: ProviderSettingsView, models: ProvidersCardProps['models']): ReadonlyArray<string> | undefined {
  if (models !== undefined && 'offered' in models && models.offered) return models.models.map((model) => model.id);
  if (provider.source === 'detected' && provider.detected) return provider.detected.models;
  return undefined;
}

export function ProvidersCard({ provider, canEdit, models, onSave, onTest }: ProvidersCardProps) {
  const [draft, setDraft] = useState<ProviderDraft>(() => draftOf(provider));
  const [test, setTest] = useState<TestState>({ state: 'idle' });
  const [saving, setSaving] = useState(false);
  const set = (patch: Partial<ProviderDraft>) => setDraft((current) => ({ ...current, ...patch }));
  const change = changeOf(provider, draft);
  const choices = modelChoices(provider, models);
  const headingId = `provider-${provider.id}`;
  const keyHint = provider.keyUnreadable
    ? 'The stored key can no longer be read (the server secret changed). Enter it again.'
    : provider.apiKeyMasked !== null
      ? `Stored: ${provider.apiKeyMasked}. Type a new key to replace it.`
      : 'Not set. The key is stored encrypted and never shown again.';
  const modelHint = models !== undefined && 'error' in models ? models.error : models !== undefined && !models.offered ? models.message : undefined;

  return (
    <section className="ag-card ag-stack" aria-labelledby={headingId}>
      <div className="ag-card__title">
        <h3 id={headingId} style={{ margin: 0, flex: 1 }}>
          <a href={provider.docsUrl} rel="noreferrer" target="_blank">
            {provider.label}
          </a>
        </h3>
        {provider.detected !== null && <Badge tone="accent" title={`Answering at ${provider.detected.baseUrl}`}>Detected on this machine</Badge>}
        {provider.keyUnreadable && <Badge tone="warn">Key must be re-entered</Badge>}
        {provider.enabled && <Badge tone="ok">Enabled</Badge>}
      </div>
      <label className="ag-row">
        <input type="checkbox" role="switch" checked={draft.enabled} disabled={!canEdit} onChange={(event) => set({ enabled: event.target.checked })} /> Enabled
      </label>
      {provider.kinds.length > 1 && (
        <SelectField label="API" value={draft.kind} disabled={!canEdit} onChange={(event) => set({ kind: event.target.value })}>
          {provider.kinds.map((kind) => (
            <option key={kind} value={kind}>
              {KIND_LABELS[kind] ?? kind}
            </option>
          ))}
        </SelectField>
      )}
      <TextField label="Base URL" value={draft.baseUrl} disabled={!canEdit} placeholder={provider.defaultBaseUrl ?? ''} hint={provider.defaultBaseUrl ? `Empty uses ${provider.defaultBaseUrl}.` : undefined} onChange={(event) => set({ baseUrl: event.target.value })} />
      <TextField label="API key" type="password" autoComplete="off" value={draft.apiKey} disabled={!canEdit} hint={keyHint} onChange={(event) => set({ apiKey: event.target.value })} />
      {choices !== undefined ? (
        <SelectField label="Default model" value={draft.defaultModel} disabled={!canEdit} onChange={(event) => set({ defaultModel: event.target.value })}>
          <option value="">Choose a model</option>
          {[...new Set([...choices, ...(draft.defaultModel ? [draft.defaultModel] : [])])].map((id) => (
            <option key={id} value={id}>
              {id}
            </option>
          ))}
        </SelectField>
      ) : (
        <TextField label="Default model" value={draft.defaultModel} disabled={!canEdit} list={`${headingId}-models`} hint={modelHint} onChange={(event) => set({ defaultModel: event.target.value })} />
      )}
      <datalist id={`${headingId}-models`}>
        {provider.catalogModels.map((id) => (
          <option key={id} value={id} />
        ))}
      </datalist>
      {optionFields(draft.kind).map((field) => (
        <TextField key={field.name} label={field.label} value={draft.options[field.name] ?? ''} disabled={!canEdit} onChange={(event) => set({ options: { ...draft.options, [field.name]: event.target.value } })} />
      ))}
      {canEdit && (
        <div className="ag-row">
          <Button
            variant="primary"
            disabled={saving || Object.keys(change).length === 0}
            onClick={() => {
              setSaving(true);
              void onSave(change)
                .then(() => set({ apiKey: '' }))
                .catch(() => undefined)
                .finally(() => setSaving(false));
            }}
          >
            Save
          </Button>
          <Button
            disabled={test.state === 'testing'}
            onClick={() => {
              setTest({ state: 'testing' });
              void onTest(change).then(
                (result) => setTest({ state: 'done', result }),
                (error: unknown) => setTest({ state: 'done', result: { ok: false, latencyMs: 0, message: error instanceof Error ? error.message : 'The test failed.' } }),
              );
            }}
          >
            {test.state === 'testing' ? 'Testing…' : 'Test connection'}
          </Button>
          {provider.apiKeyMasked !== null && (
            <Button variant="ghost" disabled={saving} onClick={() => void onSave({ apiKey: null }).catch(() => undefined)}>
              Remove key
            </Button>
          )}
        </div>
      )}
      {test.state === 'done' && (
        <p role="status" className={test.result.ok ? undefined : 'ag-field__error'}>
          <Badge tone={test.result.ok ? 'ok' : 'err'}>{test.result.ok ? 'Connected' : 'Failed'}</Badge> {test.result.message} ({test.result.latencyMs} ms)
        </p>
      )}
    </section>
  );
}
