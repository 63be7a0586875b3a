// A version's file browser: the tree from the server and the selected file's text in the code viewer.
import { FileTree } from '@agent-generator/ui';
import { lazy, Suspense, useState } from 'react';
import { messageOf } from '../../app/toasts';
import { useFormat } from '../../app/use-format';
import { useFiles, useFileText } from './use-projects';

const CodeView = lazy(() => import('./code-view'));

export function ProjectFiles({ projectId, version }: { readonly projectId: string; readonly version: number }) {
  const format = useFormat();
  const files = useFiles(projectId, version);
  const [selected, setSelected] = useState<string | undefined>(undefined);
  const paths = files.data?.files.map((file) => file.path) ?? [];
  const path = selected && paths.includes(selected) ? selected : (paths.find((candidate) => candidate.toLowerCase() === 'readme.md') ?? paths[0]);
  const text = useFileText(projectId, { path, version });
  if (files.error) return <p role="alert" className="ag-field__error">{messageOf(files.error)}</p>;
  if (!files.data) return <p className="ag-muted">Loading files…</p>;
  return (
    <div className="ag-stack">
      <p className="ag-muted">
        {format.number(files.data.files.length)} files · {format.bytes(files.data.totalBytes)} in version {files.data.version}
      </p>
      <div className="ag-split">
        <FileTree paths={paths} selected={path} onSelect={setSelected} label={`Files of version ${version}`} />
        <div>
          {text.error && <p role="alert" className="ag-field__error">{messageOf(text.error)}</p>}
          {path && text.data !== undefined && (
            <Suspense fallback={<p className="ag-muted">Loading the viewer…</p>}>
              <CodeView path={path} content={text.data} />
            </Suspense>
          )}
        </div>
      </div>
    </div>
  );
}
