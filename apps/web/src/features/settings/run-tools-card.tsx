// Run tools: whether runs may reach private addresses, the database sql_query reads (a SQLite file or
// a PostgreSQL URL, its password write-only), and the search API web_search asks (its key write-only).
// Admins edit; everyone else sees one sentence.
import { Badge, Button, TextField } from '@agent-generator/ui';
import { useState } from 'react';
import { RunToolsDatabase } from './run-tools-database';
import type { ToolsSettings, ToolsSettingsChange } from '@agent-generator/client';
import { changeOf, draftOf, fieldErrorOf, type RunToolsDraft, type RunToolsField } from './run-tools-fields';

export interface RunToolsCardProps {
  readonly canEdit: boolean;
  /** Undefined while loading (admins only: the settings are not sent to anyone else). */
  readonly settings: ToolsSettings | undefined;
  readonly loadError?: string | undefined;
  /** Rejects with the API's error, which the card shows next to its field. */
  readonly onSave: (change: ToolsSettingsChange) => Promise<unknown>;
}

type SaveError = { readonly field: RunToolsField | undefined; readonly message: string };

const HEADING_ID = 'run-tools-heading';

export function RunToolsCard({ canEdit, settings, loadError, onSave }: RunToolsCardProps) {
  const body = !canEdit ? (
    <p className="ag-muted">Only administrators can change run tools.</p>
  ) : loadError !== undefined ? (
    <p role="alert">{loadError}</p>
  ) : settings === undefined ? (
    <p className="ag-muted">Loading run tools…</p>
  ) : (
    <RunToolsForm key={settings.updatedAt ?? 'new'} settings={settings} onSave={onSave} />
  );
  return (
    <section className="ag-card ag-stack" aria-labelledby={HEADING_ID}>
      <div className="ag-card__title">
        <h3 id={HEADING_ID} style={{ margin: 0, flex: 1 }}>
          Run tools
        </h3>
      </div>
      {body}
    </section>
  );
}

function RunToolsForm({ settings, onSave }: { readonly settings: ToolsSettings; readonly onSave: RunToolsCardProps['onSave'] }) {
  const [draft, setDraft] = useState<RunToolsDraft>(() => draftOf(settings));
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<SaveError | undefined>(undefined);
  const set = (patch: Partial<RunToolsDraft>) => setDraft((current) => ({ ...current, ...patch }));
  const change = changeOf(settings, draft);
  const errorFor = (field: RunToolsField) => (error?.field === field ? error.message : undefined);
  const save = (next: ToolsSettingsChange) => {
    setSaving(true);
    setError(undefined);
    void onSave(next)
      .then(() => set({ apiKey: '', postgresUrl: '' }))
      .catch((thrown: unknown) => setError(fieldErrorOf(thrown)))
      .finally(() => setSaving(false));
  };
  const keyHint = settings.search.apiKeySet ? `Set: ${settings.search.apiKeyHint ?? '••••'}. Type a new key to replace it.` : 'Not set. The key is stored encrypted and never shown again.';

  return (
    <>
      <p className="ag-muted">Tools that are not set up answer “not configured” to the agent.</p>
      <label className="ag-row">
        <input type="checkbox" role="switch" checked={draft.allowPrivateNetwork} onChange={(event) => set({ allowPrivateNetwork: event.target.checked })} /> Allow private network addresses
      </label>
      <p className="ag-muted" style={{ margin: 0 }}>
        Lets HTTP request, web scraper and PDF reader reach loopback, private and link-local addresses (cloud metadata included).
      </p>
      <RunToolsDatabase settings={settings} draft={draft} set={set} errorFor={errorFor} saving={saving} onClearPostgres={() => save({ sql: { postgresUrl: null } })} />
      <TextField label="Search API URL" value={draft.searchUrl} placeholder="https://searx.example.com" hint="A SearXNG-compatible JSON API; empty turns web_search off." error={errorFor('search.url')} onChange={(event) => set({ searchUrl: event.target.value })} />
      <TextField label="Search API key" type="password" autoComplete="off" value={draft.apiKey} hint={keyHint} error={errorFor('search.apiKey')} onChange={(event) => set({ apiKey: event.target.value })} />
      <div className="ag-row">
        <Button variant="primary" disabled={saving || Object.keys(change).length === 0} onClick={() => save(change)}>
          Save run tools
        </Button>
        {settings.search.apiKeySet && (
          <Button variant="ghost" disabled={saving} onClick={() => save({ search: { url: settings.search.url, apiKey: null } })}>
            Clear key
          </Button>
        )}
        {settings.search.apiKeySet && <Badge tone="ok">Key set</Badge>}
      </div>
      {error !== undefined && error.field === undefined && (
        <p role="alert" className="ag-field__error">
          {error.message}
        </p>
      )}
    </>
  );
}
