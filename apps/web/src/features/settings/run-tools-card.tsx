// Run tools: whether runs may reach private addresses, the SQLite database sql_query reads, and the
// search API web_search asks (its key write-only). Admins edit; everyone else sees one sentence.
import type { ToolsSettings, ToolsSettingsChange } from '@agent-generator/client';
import { Badge, Button, TextField } from '@agent-generator/ui';
import { useState } from 'react';
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
      .then(() => set({ apiKey: '' }))
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
      <TextField label="SQL database (SQLite file on the server)" value={draft.databasePath} placeholder="/srv/data/shop.db" hint="An absolute path; empty turns sql_query off. The server's own database and DATA_DIR are refused." error={errorFor('sql.databasePath')} onChange={(event) => set({ databasePath: event.target.value })} />
      <label className="ag-row">
        <input type="checkbox" checked={draft.allowWrites} onChange={(event) => set({ allowWrites: event.target.checked })} /> Allow writes (otherwise read-only)
      </label>
      <TextField label="Query timeout (seconds)" type="number" min={1} max={120} value={draft.timeoutSeconds} error={errorFor('sql.timeoutMs')} onChange={(event) => set({ timeoutSeconds: event.target.value })} />
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
