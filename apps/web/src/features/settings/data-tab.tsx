// Data controls: storage figures counted by the server, and the retention it applies.
import { useQuery } from '@tanstack/react-query';
import { api } from '../../app/api';
import { messageOf } from '../../app/toasts';
import { useSettings } from './use-settings';

export function DataTab() {
  const settings = useSettings();
  const projects = useQuery({ queryKey: ['projects', 'list', { limit: 1 }], queryFn: () => api.projects.list({ limit: 1 }) });
  const data = settings.data?.global.value.data;
  return (
    <div className="ag-stack">
      <h2>Storage</h2>
      {projects.error && <p className="ag-field__error">{messageOf(projects.error)}</p>}
      {projects.data && (
        <dl className="ag-facts">
          <dt>Projects</dt>
          <dd>{projects.data.total}</dd>
        </dl>
      )}
      <p role="note" className="ag-muted">
        Total storage in bytes and exporting all projects as one zip need server routes that do not exist yet; download each project from its page meanwhile.
      </p>
      <h2>Retention</h2>
      {data && (
        <dl className="ag-facts">
          <dt>Run history kept</dt>
          <dd>{data.runRetentionDays} days</dd>
          <dt>Audit log kept</dt>
          <dd>{data.auditRetentionDays} days</dd>
        </dl>
      )}
    </div>
  );
}
