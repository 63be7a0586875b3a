// Step 4: the spec summary, the server-rendered file preview and the Compatibility card with Resolve.
import type { Diagnostic, ProjectSpec } from '@agent-generator/contracts';
import { catalog } from '@agent-generator/core';
import { CompatibilityCard } from '@agent-generator/ui';
import { ReviewPreview } from './review-preview';

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

export function ReviewStep({ spec, diagnostics, onResolve }: { readonly spec: ProjectSpec; readonly diagnostics: ReadonlyArray<Diagnostic>; readonly onResolve: (diagnostic: Diagnostic) => void }) {
  return (
    <div className="ag-stack">
      <Summary spec={spec} />
      <CompatibilityCard diagnostics={diagnostics} onResolve={onResolve} />
      <section className="ag-stack" aria-label="Files">
        <h2>Files</h2>
        <ReviewPreview spec={spec} />
      </section>
    </div>
  );
}
