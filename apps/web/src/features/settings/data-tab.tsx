// Data controls: storage figures counted by the server's database, the export of every project as
// one zip, and the retention settings (which nothing applies yet, as the tab says).
import { useQuery } from '@tanstack/react-query';
import { api } from '../../app/api';
import { messageOf } from '../../app/toasts';
import { useFormat } from '../../app/use-format';
import { useSettings } from './use-settings';

export function DataTab() {
  const settings = useSettings();
  const format = useFormat();
  const usage = useQuery({ queryKey: ['data', 'usage'], queryFn: () => api.data.usage() });
  const retention = settings.data?.global.value.data;
  const figures = usage.data;
  return (
    <div className="ag-stack">
      <h2>Storage</h2>
      {usage.error && <p role="alert" className="ag-field__error">{messageOf(usage.error)}</p>}
      {!figures && !usage.error && <p className="ag-muted">Counting what the server stores…</p>}
      {figures && (
        <dl className="ag-facts" data-testid="storage-usage">
          <dt>Projects</dt>
          <dd data-figure="projects" data-value={figures.projects}>{format.number(figures.projects)}</dd>
          <dt>Versions</dt>
          <dd data-figure="versions" data-value={figures.versions}>{format.number(figures.versions)}</dd>
          <dt>Files (all versions)</dt>
          <dd data-figure="files" data-value={figures.files} data-bytes={figures.fileBytes}>
            {format.number(figures.files)} · {format.bytes(figures.fileBytes)}
          </dd>
          <dt>File contents stored</dt>
          <dd data-figure="storedFileBytes" data-value={figures.storedFileBytes}>{format.bytes(figures.storedFileBytes)} (identical files are kept once)</dd>
          <dt>Audit log rows</dt>
          <dd data-figure="auditEntries" data-value={figures.auditEntries}>{format.number(figures.auditEntries)}</dd>
          <dt>Database size</dt>
          <dd data-figure="databaseBytes" data-value={figures.databaseBytes}>
            {format.bytes(figures.databaseBytes)} ({figures.databaseKind === 'sqlite' ? 'SQLite file' : 'PostgreSQL database'})
          </dd>
        </dl>
      )}
      <h2>Export</h2>
      <p className="ag-muted">The latest version of every project, one folder per project, as a zip archive.</p>
      <div className="ag-row">
        <a className="ag-button" href={api.data.exportUrl()} download>
          Export all projects
        </a>
      </div>
      <h2>Retention</h2>
      {retention && (
        <dl className="ag-facts">
          <dt>Run history kept</dt>
          <dd>{format.number(retention.runRetentionDays)} days</dd>
          <dt>Audit log kept</dt>
          <dd>{format.number(retention.auditRetentionDays)} days</dd>
        </dl>
      )}
      <p role="note" className="ag-muted">
        The server does not delete old rows by these periods yet, and cloud backup and clearing all data are not available: delete projects from their own page.
      </p>
    </div>
  );
}
