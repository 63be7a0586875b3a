// The run tools card's database part: none, a SQLite file on the server or a PostgreSQL URL (shown
// back only without its password), and the write and timeout limits that apply to either.
import { Badge, Button, SegmentedControl, TextField, type SegmentedOption } from '@agent-generator/ui';
import type { ToolsSettings } from '@agent-generator/client';
import type { DatabaseKind, RunToolsDraft, RunToolsField } from './run-tools-fields';

const DATABASES: ReadonlyArray<SegmentedOption<DatabaseKind>> = [
  { value: 'none', label: 'None', hint: 'sql_query answers "not configured"' },
  { value: 'sqlite', label: 'SQLite file' },
  { value: 'postgres', label: 'PostgreSQL' },
];

export interface RunToolsDatabaseProps {
  readonly settings: ToolsSettings;
  readonly draft: RunToolsDraft;
  readonly set: (patch: Partial<RunToolsDraft>) => void;
  readonly errorFor: (field: RunToolsField) => string | undefined;
  readonly saving: boolean;
  /** Removes the stored PostgreSQL URL at once. */
  readonly onClearPostgres: () => void;
}

function PostgresField({ settings, draft, set, errorFor, saving, onClearPostgres }: RunToolsDatabaseProps) {
  const stored = settings.sql.postgres ?? null;
  const hint =
    stored === null
      ? 'postgres://user:password@host:5432/database. Stored encrypted; the password is never shown again. The server’s own database is refused.'
      : `Stored: ${stored.url}${stored.passwordSet ? ' (password set)' : ' (no password)'}. Type a new URL to replace it.`;
  return (
    <>
      <TextField label="PostgreSQL URL" autoComplete="off" spellCheck={false} value={draft.postgresUrl} placeholder="postgres://reader:password@db.example.com:5432/shop" hint={hint} error={errorFor('sql.postgresUrl')} onChange={(event) => set({ postgresUrl: event.target.value })} />
      {stored !== null && (
        <div className="ag-row">
          {stored.passwordSet && <Badge tone="ok">Password set</Badge>}
          <Button variant="ghost" disabled={saving} onClick={onClearPostgres}>
            Clear PostgreSQL database
          </Button>
        </div>
      )}
    </>
  );
}

export function RunToolsDatabase(props: RunToolsDatabaseProps) {
  const { draft, set, errorFor } = props;
  return (
    <>
      <SegmentedControl label="Database" value={draft.database} options={DATABASES} onChange={(database) => set({ database })} />
      {draft.database === 'sqlite' && (
        <TextField label="SQL database (SQLite file on the server)" value={draft.databasePath} placeholder="/srv/data/shop.db" hint="An absolute path; empty turns sql_query off. The server's own database and DATA_DIR are refused." error={errorFor('sql.databasePath')} onChange={(event) => set({ databasePath: event.target.value })} />
      )}
      {draft.database === 'postgres' && <PostgresField {...props} />}
      {draft.database !== 'none' && (
        <>
          <label className="ag-row">
            <input type="checkbox" checked={draft.allowWrites} onChange={(event) => set({ allowWrites: event.target.checked })} /> Allow writes (otherwise read-only)
          </label>
          <TextField label="Query timeout (seconds)" type="number" min={1} max={120} value={draft.timeoutSeconds} error={errorFor('sql.timeoutMs')} onChange={(event) => set({ timeoutSeconds: event.target.value })} />
        </>
      )}
      {draft.database === 'none' && errorFor('sql.databasePath') !== undefined && (
        <p role="alert" className="ag-field__error">
          {errorFor('sql.databasePath')}
        </p>
      )}
    </>
  );
}
