// @vitest-environment happy-dom
// Tests of the run tools card: admins change the settings (the key write-only, only changes sent,
// API errors next to their field); anyone else sees one sentence and no settings.
import { ApiError, type ToolsSettings, type ToolsSettingsChange } from '@agent-generator/client';
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { RunToolsCard } from './run-tools-card';

afterEach(cleanup);

const stored: ToolsSettings = {
  allowPrivateNetwork: false,
  sql: { databasePath: '/srv/data/shop.db', allowWrites: false, timeoutMs: 10_000 },
  search: { url: 'https://searx.example.com', apiKeySet: true, apiKeyHint: '••••7c1d' },
  updatedAt: '2025-01-01T00:00:00.000Z',
};

function renderCard(options: { readonly canEdit?: boolean; readonly settings?: ToolsSettings | undefined; readonly fail?: ApiError } = {}) {
  const saved: ToolsSettingsChange[] = [];
  render(
    <RunToolsCard
      canEdit={options.canEdit ?? true}
      settings={'settings' in options ? options.settings : stored}
      onSave={async (change) => {
        saved.push(change);
        if (options.fail) throw options.fail;
      }}
    />,
  );
  return { saved };
}

const save = () => act(async () => fireEvent.click(screen.getByRole('button', { name: 'Save run tools' })));

describe('RunToolsCard', () => {
  it('lets an admin change the tools, sending only what changed and the key only when typed', async () => {
    const { saved } = renderCard();
    const key = screen.getByLabelText('Search API key') as HTMLInputElement;
    expect(key.value).toBe('');
    expect(key.type).toBe('password');
    expect(screen.getByText(/Set: ••••7c1d/)).toBeTruthy();
    expect((screen.getByRole('button', { name: 'Save run tools' }) as HTMLButtonElement).disabled).toBe(true);

    fireEvent.click(screen.getByRole('switch'));
    fireEvent.change(screen.getByLabelText('Query timeout (seconds)'), { target: { value: '30' } });
    await save();
    fireEvent.change(key, { target: { value: 'new-search-key-123456' } });
    await save();
    fireEvent.change(screen.getByLabelText('SQL database (SQLite file on the server)'), { target: { value: '' } });
    await save();
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Clear key' })));
    expect(saved).toEqual([
      { allowPrivateNetwork: true, sql: { databasePath: '/srv/data/shop.db', allowWrites: false, timeoutMs: 30_000 } },
      { allowPrivateNetwork: true, sql: { databasePath: '/srv/data/shop.db', allowWrites: false, timeoutMs: 30_000 }, search: { url: 'https://searx.example.com', apiKey: 'new-search-key-123456' } },
      { allowPrivateNetwork: true, sql: { databasePath: null } },
      { search: { url: 'https://searx.example.com', apiKey: null } },
    ]);
  });

  it("shows the API's refusal next to the field it names", async () => {
    const refusal = new ApiError({ status: 400, code: 'invalid_input', message: "That is the server's own database (users, password hashes, tokens).", details: { field: 'sql.databasePath' } });
    renderCard({ fail: refusal });
    fireEvent.change(screen.getByLabelText('SQL database (SQLite file on the server)'), { target: { value: '/var/lib/agent-generator/agent-generator.db' } });
    await save();
    const field = screen.getByLabelText('SQL database (SQLite file on the server)').closest('.ag-field');
    expect(field?.querySelector('[role="alert"]')?.textContent).toMatch(/server's own database/);
  });

  it('maps a validation issue to its field', async () => {
    const invalid = new ApiError({ status: 400, code: 'invalid_input', message: 'The body is not valid.', details: { issues: [{ path: 'search.url', message: 'an http:// or https:// URL' }] } });
    renderCard({ fail: invalid });
    fireEvent.change(screen.getByLabelText('Search API URL'), { target: { value: 'file:///etc/passwd' } });
    await save();
    const field = screen.getByLabelText('Search API URL').closest('.ag-field');
    expect(field?.querySelector('[role="alert"]')?.textContent).toBe('Expected an http:// or https:// URL.');
  });

  it('shows someone who is not an administrator only the sentence, no settings and no fields', () => {
    renderCard({ canEdit: false, settings: undefined });
    expect(screen.getByText('Only administrators can change run tools.')).toBeTruthy();
    expect(screen.queryByRole('textbox')).toBeNull();
    expect(screen.queryByRole('button')).toBeNull();
    expect(screen.queryByText(/shop\.db/)).toBeNull();
  });
});
