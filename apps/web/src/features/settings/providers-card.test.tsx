// @vitest-environment happy-dom
// Tests of one provider's settings form: write-only key, changes sent, test result, model choices.
import type { ProviderChange, ProviderConnectionResult, ProviderSettingsView } from '@agent-generator/client';
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { ProvidersCard } from './providers-card';

afterEach(cleanup);

const stored: ProviderSettingsView = {
  id: 'openai-compatible',
  label: 'OpenAI-compatible endpoint',
  group: 'local',
  docsUrl: 'https://docs.vllm.ai/',
  kind: 'openai-compatible',
  kinds: ['openai-compatible'],
  enabled: true,
  baseUrl: 'http://127.0.0.1:8000/v1',
  defaultBaseUrl: null,
  apiKeyMasked: '••••9f3a',
  keyUnreadable: false,
  defaultModel: 'loop-small',
  options: {},
  source: 'stored',
  detected: null,
  catalogModels: [],
  updatedAt: '2025-01-01T00:00:00.000Z',
};

function renderCard(overrides: Partial<ProviderSettingsView> = {}, options: { canEdit?: boolean; result?: ProviderConnectionResult; models?: ReadonlyArray<string> } = {}) {
  const saved: ProviderChange[] = [];
  const tested: ProviderChange[] = [];
  render(
    <ProvidersCard
      provider={{ ...stored, ...overrides }}
      canEdit={options.canEdit ?? true}
      models={options.models ? { offered: true, models: options.models.map((id) => ({ id })) } : undefined}
      onSave={async (change) => void saved.push(change)}
      onTest={async (change) => {
        tested.push(change);
        return options.result ?? { ok: true, latencyMs: 12, message: 'Connected to the endpoint: 2 models available.' };
      }}
    />,
  );
  return { saved, tested };
}

describe('ProvidersCard', () => {
  it('shows only the masked key and sends a key only when one is typed', async () => {
    const { saved } = renderCard();
    const key = screen.getByLabelText('API key') as HTMLInputElement;
    expect(key.value).toBe('');
    expect(key.type).toBe('password');
    expect(screen.getByText(/Stored: ••••9f3a/)).toBeTruthy();
    expect((screen.getByRole('button', { name: 'Save' }) as HTMLButtonElement).disabled).toBe(true);
    fireEvent.change(screen.getByLabelText('Base URL'), { target: { value: 'http://127.0.0.1:9000/v1' } });
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Save' })));
    fireEvent.change(key, { target: { value: 'sk-new-key-123456' } });
    fireEvent.click(screen.getByRole('switch'));
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Save' })));
    expect(saved).toEqual([{ baseUrl: 'http://127.0.0.1:9000/v1' }, { enabled: false, baseUrl: 'http://127.0.0.1:9000/v1', apiKey: 'sk-new-key-123456' }]);
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Remove key' })));
    expect(saved[2]).toEqual({ apiKey: null });
  });

  it('tests the unsaved form and shows the result with its latency', async () => {
    const { tested } = renderCard({}, { result: { ok: false, latencyMs: 87, message: 'The endpoint rejected the API key (401).', code: 'unauthenticated' } });
    fireEvent.change(screen.getByLabelText('API key'), { target: { value: 'sk-typed-key-000000' } });
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Test connection' })));
    expect(tested).toEqual([{ apiKey: 'sk-typed-key-000000' }]);
    expect(screen.getByRole('status').textContent).toBe('Failed The endpoint rejected the API key (401). (87 ms)');
  });

  it('offers the provider’s models in a select, or the detected server’s', async () => {
    const { saved } = renderCard({ defaultModel: null }, { models: ['loop-small', 'loop-large'] });
    const select = screen.getByLabelText('Default model') as HTMLSelectElement;
    expect([...select.options].map((option) => option.value)).toEqual(['', 'loop-small', 'loop-large']);
    fireEvent.change(select, { target: { value: 'loop-large' } });
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Save' })));
    expect(saved).toEqual([{ defaultModel: 'loop-large' }]);
    cleanup();
    renderCard({ id: 'ollama', label: 'Ollama', source: 'detected', enabled: false, apiKeyMasked: null, defaultModel: null, detected: { baseUrl: 'http://127.0.0.1:11434/v1', models: ['llama3.2:1b'] } });
    expect(screen.getByText('Detected on this machine')).toBeTruthy();
    expect([...(screen.getByLabelText('Default model') as HTMLSelectElement).options].map((option) => option.value)).toEqual(['', 'llama3.2:1b']);
  });

  it('asks for an unreadable key again, and is read-only for people who cannot edit', () => {
    renderCard({ keyUnreadable: true }, { canEdit: false });
    expect(screen.getByText('Key must be re-entered')).toBeTruthy();
    expect(screen.getByText(/can no longer be read/)).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Save' })).toBeNull();
    expect((screen.getByLabelText('Base URL') as HTMLInputElement).disabled).toBe(true);
  });

  it('asks for the extra settings a provider kind needs', () => {
    renderCard({ id: 'vertex', label: 'Google', kind: 'gemini', kinds: ['gemini', 'vertex'], options: {} });
    expect(screen.queryByLabelText('Project id')).toBeNull();
    fireEvent.change(screen.getByLabelText('API'), { target: { value: 'vertex' } });
    expect(screen.getByLabelText('Project id')).toBeTruthy();
    expect(screen.getByLabelText('Region')).toBeTruthy();
  });
});
