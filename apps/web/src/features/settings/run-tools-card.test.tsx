// @vitest-environment happy-dom
// Tests of the run tools card: admins change the settings (the key and the PostgreSQL URL write-only,
// only changes sent, API errors next to their field); anyone else sees one sentence and no settings.
import { ApiError } from '@agent-generator/client';
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { RunToolsCard } from './run-tools-card';
import type { ToolsSettings, ToolsSettingsChange } from '@agent-generator/client';

afterEach(cleanup);

const stored: ToolsSettings = {
  allowPrivateNetwork: false,
  sql: { databasePath: '/srv/data/shop.db', postgres: null, allowWrites: false, timeoutMs: 10_000 },
  search: { url: 'https://searx.example.com', apiKeySet: true, apiKeyHint: '••••7c1d' },
  updatedAt: '2025-01-01T00:00:00.000Z',
};

const onPostgres: ToolsSettings = {
  ...stored,
  sql: { databasePath: null, postgres: { url: 'postgres://reader@warehouse.example.com:5433/sales', passwordSet: true }, allowWrites: true, timeoutMs: 20_000 },
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
const choose = (database: string) => fireEvent.click(screen.getByRole('radio', { name: database }));
const saveDisabled = () => (screen.getByRole('button', { name: 'Save run tools' }) as HTMLButtonElement).disabled;
const URL_FIELD = 'PostgreSQL URL';

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

  it('lets an admin switch to PostgreSQL: the typed URL is sent once with the limits, then the field is empty again', async () => {
    const { saved } = renderCard();
    expect(screen.queryByLabelText(URL_FIELD)).toBeNull();
    choose('PostgreSQL');
    expect(screen.queryByLabelText('SQL database (SQLite file on the server)')).toBeNull();
    const url = screen.getByLabelText(URL_FIELD) as HTMLInputElement;
    expect(url.value).toBe('');
    expect(saveDisabled()).toBe(true);
    fireEvent.change(url, { target: { value: ' postgres://reader:Pg-5ecret@warehouse.example.com/sales ' } });
    fireEvent.click(screen.getByRole('checkbox', { name: /Allow writes/ }));
    await save();
    expect(saved).toEqual([{ sql: { postgresUrl: 'postgres://reader:Pg-5ecret@warehouse.example.com/sales', allowWrites: true, timeoutMs: 10_000 } }]);
    expect((screen.getByLabelText(URL_FIELD) as HTMLInputElement).value).toBe('');
  });

  it('shows a stored URL without its password, keeps it when only the limits change, and clears it', async () => {
    const { saved } = renderCard({ settings: onPostgres });
    expect((screen.getByRole('radio', { name: 'PostgreSQL' }) as HTMLInputElement).checked).toBe(true);
    expect((screen.getByLabelText(URL_FIELD) as HTMLInputElement).value).toBe('');
    expect(screen.getByText(/Stored: postgres:\/\/reader@warehouse\.example\.com:5433\/sales \(password set\)/)).toBeTruthy();
    expect(screen.getByText('Password set')).toBeTruthy();
    expect(saveDisabled()).toBe(true);

    fireEvent.change(screen.getByLabelText('Query timeout (seconds)'), { target: { value: '5' } });
    await save();
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Clear PostgreSQL database' })));
    choose('None');
    expect(screen.queryByLabelText('Query timeout (seconds)')).toBeNull();
    await save();
    expect(saved).toEqual([{ sql: { allowWrites: true, timeoutMs: 5_000 } }, { sql: { postgresUrl: null } }, { sql: { postgresUrl: null } }]);
  });

  it("shows the API's refusal of a URL next to the URL field: a validation issue and the server's own database", async () => {
    const invalid = new ApiError({ status: 400, code: 'invalid_input', message: 'The body is not valid.', details: { issues: [{ path: 'sql.postgresUrl', message: 'a postgres:// or postgresql:// URL' }] } });
    renderCard({ settings: onPostgres, fail: invalid });
    fireEvent.change(screen.getByLabelText(URL_FIELD), { target: { value: 'mysql://root@db/shop' } });
    await save();
    const field = () => screen.getByLabelText(URL_FIELD).closest('.ag-field');
    expect(field()?.querySelector('[role="alert"]')?.textContent).toBe('Expected a postgres:// or postgresql:// URL.');
    cleanup();

    const own = new ApiError({ status: 400, code: 'invalid_input', message: "That is the server's own database (users, password hashes, tokens): agents may never read it.", details: { field: 'sql.postgresUrl' } });
    renderCard({ settings: onPostgres, fail: own });
    fireEvent.change(screen.getByLabelText(URL_FIELD), { target: { value: 'postgres://agent@localhost/agentgen' } });
    await save();
    expect(field()?.querySelector('[role="alert"]')?.textContent).toMatch(/server's own database/);
  });
});
