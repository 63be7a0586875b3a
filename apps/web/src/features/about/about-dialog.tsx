// The About dialog: version and system facts from /api/system, components from the build, live integration status.
import { Badge, Modal } from '@agent-generator/ui';
import { useQuery } from '@tanstack/react-query';
import { api } from '../../app/api';
import { messageOf } from '../../app/toasts';
import { components } from './components';

function formatUptime(seconds: number): string {
  const hours = Math.floor(seconds / 3600);
  const minutes = Math.floor((seconds % 3600) / 60);
  return hours > 0 ? `${hours} h ${minutes} min` : `${minutes} min`;
}

export default function AboutDialog({ onClose }: { readonly onClose: () => void }) {
  const system = useQuery({ queryKey: ['system'], queryFn: () => api.system() });
  const ready = useQuery({ queryKey: ['readyz'], queryFn: () => api.health(), retry: false });
  return (
    <Modal title="About Agent Generator" onClose={onClose}>
      <div className="ag-stack">
        <p className="ag-muted">Turn one sentence into a runnable multi-agent project. Apache-2.0.</p>
        <h3>System</h3>
        {system.error && <p className="ag-field__error">{messageOf(system.error)}</p>}
        {system.data && (
          <dl className="ag-facts">
            <dt>Version</dt>
            <dd>{system.data.version}</dd>
            <dt>Runtime</dt>
            <dd>
              Node {system.data.runtime.version} · {system.data.runtime.platform}/{system.data.runtime.arch}
            </dd>
            <dt>Database</dt>
            <dd>
              {system.data.database.kind} · {system.data.database.migrations.length} migrations applied
            </dd>
            <dt>Up for</dt>
            <dd>{formatUptime(system.data.uptimeSeconds)}</dd>
            <dt>Memory</dt>
            <dd>{Math.round(system.data.memory.rssBytes / 1048576)} MB resident</dd>
          </dl>
        )}
        <h3>Integrations</h3>
        <ul className="ag-diagnostics">
          <li className="ag-diagnostic">
            <Badge tone={ready.data ? 'ok' : ready.error ? 'err' : 'neutral'}>{ready.data ? 'ready' : ready.error ? 'down' : 'checking'}</Badge>
            <span>Database (readiness probe)</span>
          </li>
        </ul>
        <h3>Components</h3>
        <table className="ag-table">
          <thead>
            <tr>
              <th scope="col">Component</th>
              <th scope="col">Version</th>
              <th scope="col">License</th>
            </tr>
          </thead>
          <tbody>
            {components.map((component) => (
              <tr key={component.name}>
                <td>{component.name}</td>
                <td>{component.version}</td>
                <td>{component.license}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </Modal>
  );
}
