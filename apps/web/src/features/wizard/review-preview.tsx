// The Review step's file preview: the tree the server renders from the spec being edited, and the
// chosen file's text, fetched when it is opened and shown in the (lazily loaded) code viewer.
import { ApiError } from '@agent-generator/client';
import type { ProjectSpec } from '@agent-generator/contracts';
import { FileTree } from '@agent-generator/ui';
import { lazy, Suspense, useState } from 'react';
import { messageOf } from '../../app/toasts';
import { useFormat } from '../../app/use-format';
import { usePreview, usePreviewFile } from './use-preview';

const CodeView = lazy(() => import('../projects/code-view'));

function FileText({ spec, path }: { readonly spec: ProjectSpec; readonly path: string }) {
  const text = usePreviewFile(spec, path);
  if (text.error) return <p role="alert" className="ag-field__error">{messageOf(text.error)}</p>;
  if (text.data === undefined) return <p className="ag-muted">Loading {path}…</p>;
  return (
    <Suspense fallback={<p className="ag-muted">Loading the viewer…</p>}>
      <CodeView path={path} content={text.data} />
    </Suspense>
  );
}

export function ReviewPreview({ spec }: { readonly spec: ProjectSpec }) {
  const preview = usePreview(spec);
  const format = useFormat();
  const [selected, setSelected] = useState<string | undefined>(undefined);
  if (preview.isPending) return <p className="ag-muted">Rendering the files on the server…</p>;
  if (preview.error instanceof ApiError && preview.error.code === 'incompatible_selection') {
    return <p className="ag-muted">There are no files to preview until the blocking rows above are resolved.</p>;
  }
  if (preview.error) return <p role="alert" className="ag-field__error">The preview failed: {messageOf(preview.error)}</p>;
  const paths = preview.data.files.map((file) => file.path);
  const path = selected && paths.includes(selected) ? selected : (paths.find((candidate) => candidate.toLowerCase() === 'readme.md') ?? paths[0]);
  return (
    <div className="ag-stack">
      <p className="ag-muted">
        {format.number(paths.length)} files · {format.bytes(preview.data.totalBytes)} · rendered by <code>{preview.data.rendererVersion}</code> from the spec as edited; nothing is saved until you generate.
      </p>
      <div className="ag-split">
        <FileTree paths={paths} selected={path} onSelect={setSelected} label="Generated files" />
        <div>{path && <FileText spec={spec} path={path} />}</div>
      </div>
    </div>
  );
}
