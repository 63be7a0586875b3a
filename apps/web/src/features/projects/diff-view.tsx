// The diff viewer, loaded on demand: each changed file's unified patch with added and removed lines marked.
import type { VersionDiff } from '@agent-generator/client';
import { Badge } from '@agent-generator/ui';
import './code-view.css';

function lineClass(line: string): string | undefined {
  if (line.startsWith('+++') || line.startsWith('---')) return 'ag-diff__meta';
  if (line.startsWith('+')) return 'ag-diff__add';
  if (line.startsWith('-')) return 'ag-diff__del';
  if (line.startsWith('@@')) return 'ag-diff__meta';
  return undefined;
}

export default function DiffView({ diff }: { readonly diff: VersionDiff }) {
  if (diff.files.length === 0) return <p className="ag-muted">Versions {diff.from} and {diff.to} have the same files.</p>;
  return (
    <div className="ag-stack">
      {diff.files.map((file) => (
        <section key={file.path} aria-label={`Changes in ${file.path}`}>
          <div className="ag-row">
            <code>{file.path}</code>
            <Badge tone={file.status === 'added' ? 'ok' : file.status === 'removed' ? 'err' : 'warn'}>{file.status}</Badge>
            <span className="ag-muted">
              +{file.additions} −{file.deletions}
            </span>
          </div>
          <pre className="ag-code" tabIndex={0}>
            {file.patch.split('\n').map((line, index) => (
              <span key={index} className={lineClass(line)} style={{ display: 'block' }}>
                {line || ' '}
              </span>
            ))}
          </pre>
        </section>
      ))}
    </div>
  );
}
