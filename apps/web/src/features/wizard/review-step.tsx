// Step 4: the spec summary, the server-rendered file preview and the Compatibility card with Resolve.
import { ApiError } from '@agent-generator/client';
import type { Diagnostic, ProjectSpec } from '@agent-generator/contracts';
import { catalog } from '@agent-generator/core';
import { CompatibilityCard, FileTree } from '@agent-generator/ui';
import { lazy, Suspense, useState } from 'react';
import { messageOf } from '../../app/toasts';
import { usePreview } from './use-preview';

const CodeView = lazy(() => import('../projects/code-view'));

function Summary({ spec }: { readonly spec: ProjectSpec }) {
  const name = (list: ReadonlyArray<{ readonly id: string; readonly name?: string; readonly label?: string }>, id: string) => {
    const entry = list.find((item) => item.id === id);
    return entry?.name ?? entry?.label ?? id;
  };
  return (
    <section className="ag-card" aria-labelledby="summary-heading">
      <h2 id="summary-heading">{spec.name}</h2>
      <dl className="ag-facts">
        <dt>Framework</dt>
        <dd>{name(catalog.frameworks, spec.framework)}</dd>
        <dt>Pattern</dt>
        <dd>{name(catalog.patterns, spec.pattern)}</dd>
        <dt>Cloud</dt>
        <dd>{name(catalog.hyperscalers, spec.hyperscaler)}</dd>
        <dt>Model</dt>
        <dd>
          {name(catalog.providers, spec.model.provider)} · <code>{spec.model.id}</code>
        </dd>
        <dt>Agents</dt>
        <dd>{spec.agents.map((agent) => agent.role).join(', ')}</dd>
        <dt>Tasks</dt>
        <dd>{spec.tasks.length}</dd>
        <dt>Tools</dt>
        <dd>{spec.tools.map((tool) => tool.id).join(', ') || 'none'}</dd>
      </dl>
    </section>
  );
}

function Preview({ spec }: { readonly spec: ProjectSpec }) {
  const preview = usePreview(spec);
  const [selected, setSelected] = useState<string | undefined>(undefined);
  if (preview.isPending) return <p className="ag-muted">Rendering the files on the server…</p>;
  if (preview.error) {
    const missing = preview.error instanceof ApiError && preview.error.status === 404;
    return (
      <p className="ag-muted" role="note">
        {missing ? 'This server cannot preview files before generating yet (no /api/preview route). Generate the project to browse its files.' : `The preview failed: ${messageOf(preview.error)}`}
      </p>
    );
  }
  const files = preview.data.files;
  const current = files.find((file) => file.path === selected) ?? files[0];
  return (
    <div className="ag-split">
      <FileTree paths={files.map((file) => file.path)} selected={current?.path} onSelect={setSelected} label="Generated files" />
      {current && (
        <Suspense fallback={<p className="ag-muted">Loading the viewer…</p>}>
          <CodeView path={current.path} content={current.content} />
        </Suspense>
      )}
    </div>
  );
}

export function ReviewStep({ spec, diagnostics, onResolve }: { readonly spec: ProjectSpec; readonly diagnostics: ReadonlyArray<Diagnostic>; readonly onResolve: (diagnostic: Diagnostic) => void }) {
  return (
    <div className="ag-stack">
      <Summary spec={spec} />
      <CompatibilityCard diagnostics={diagnostics} onResolve={onResolve} />
      <section className="ag-stack" aria-label="Files">
        <h2>Files</h2>
        <Preview spec={spec} />
      </section>
    </div>
  );
}
