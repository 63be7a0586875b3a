// Version history from the server, and the diff between any two versions (viewer loaded on demand).
import { SelectField } from '@agent-generator/ui';
import { lazy, Suspense, useState } from 'react';
import { messageOf } from '../../app/toasts';
import { useFormat } from '../../app/use-format';
import { useDiff, useVersions } from './use-projects';

const DiffView = lazy(() => import('./diff-view'));

export function ProjectVersions({ projectId }: { readonly projectId: string }) {
  const format = useFormat();
  const versions = useVersions(projectId);
  const items = versions.data?.items ?? [];
  const newest = items[0]?.version;
  const [from, setFrom] = useState<number | undefined>(undefined);
  const [to, setTo] = useState<number | undefined>(undefined);
  const fromVersion = from ?? (newest !== undefined && newest > 1 ? newest - 1 : undefined);
  const toVersion = to ?? newest;
  const range = fromVersion !== undefined && toVersion !== undefined && fromVersion !== toVersion ? { from: fromVersion, to: toVersion } : undefined;
  const diff = useDiff(projectId, range);
  if (versions.error) return <p role="alert" className="ag-field__error">{messageOf(versions.error)}</p>;
  return (
    <div className="ag-stack">
      <table className="ag-table ag-table--wide">
        <thead>
          <tr>
            <th scope="col">Version</th>
            <th scope="col">Framework</th>
            <th scope="col">Pattern</th>
            <th scope="col">Files</th>
            <th scope="col">Renderer</th>
            <th scope="col">Created</th>
          </tr>
        </thead>
        <tbody>
          {items.map((item) => (
            <tr key={item.version}>
              <td>v{item.version}</td>
              <td>{item.framework}</td>
              <td>{item.pattern}</td>
              <td>
                {format.number(item.fileCount)} · {format.bytes(item.totalBytes)}
              </td>
              <td>{item.rendererVersion}</td>
              <td>
                <time dateTime={item.createdAt}>{format.dateTime(item.createdAt)}</time>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {items.length < 2 ? (
        <p className="ag-muted">Only one version so far. Use “Edit &amp; regenerate” to make a second one, then compare them here.</p>
      ) : (
        <>
          <div className="ag-row">
            <SelectField label="Compare from" value={fromVersion ?? ''} onChange={(event) => setFrom(Number(event.target.value))}>
              {items.map((item) => (
                <option key={item.version} value={item.version}>
                  v{item.version}
                </option>
              ))}
            </SelectField>
            <SelectField label="to" value={toVersion ?? ''} onChange={(event) => setTo(Number(event.target.value))}>
              {items.map((item) => (
                <option key={item.version} value={item.version}>
                  v{item.version}
                </option>
              ))}
            </SelectField>
          </div>
          {diff.error && <p role="alert" className="ag-field__error">{messageOf(diff.error)}</p>}
          {diff.data && (
            <Suspense fallback={<p className="ag-muted">Loading the diff viewer…</p>}>
              <DiffView diff={diff.data} />
            </Suspense>
          )}
        </>
      )}
    </div>
  );
}
