// Step 5: generate on the server (a new project, or a new version when editing), then download, CLI and targets.
import type { ExportTargetId, ProjectSpec, Selection } from '@agent-generator/contracts';
import { catalog } from '@agent-generator/core';
import { Badge, Button } from '@agent-generator/ui';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Dispatch } from 'react';
import { Link } from '../../app/router';
import { api } from '../../app/api';
import { messageOf, useToast } from '../../app/toasts';
import { cliCommand } from './cli-command';
import type { WizardAction, WizardState } from './wizard-state';

function Targets({ spec }: { readonly spec: ProjectSpec }) {
  const framework = catalog.frameworks.find((entry) => entry.id === spec.framework);
  const supported = (id: ExportTargetId) => framework?.exportTargets.includes(id) ?? false;
  return (
    <ul className="ag-diagnostics" aria-label="Export targets">
      {catalog.exportTargets.map((target) => (
        <li key={target.id} className="ag-diagnostic">
          <Badge tone={!supported(target.id) ? 'neutral' : target.id === 'zip' ? 'ok' : 'accent'}>{!supported(target.id) ? 'locked' : target.id === 'zip' ? 'ready' : 'supported'}</Badge>
          <div className="ag-diagnostic__body">
            <strong>{target.label}</strong> — {target.description}
            <div className="ag-muted">
              {!supported(target.id)
                ? `${framework?.name ?? spec.framework} does not support this target; choose a framework that does in step 2.`
                : target.id === 'zip'
                  ? 'Download below.'
                  : 'The framework supports it; this server does not publish to it yet — use the zip and the CLI.'}
            </div>
          </div>
        </li>
      ))}
    </ul>
  );
}

export function ExportStep({ state, selection, dispatch }: { readonly state: WizardState & { readonly spec: ProjectSpec }; readonly selection: Selection; readonly dispatch: Dispatch<WizardAction> }) {
  const queryClient = useQueryClient();
  const toast = useToast();
  const generate = useMutation({
    mutationFn: async () => {
      if (state.editing) {
        const version = await api.projects.addVersion(state.editing.projectId, { spec: state.spec, selection });
        return { projectId: version.projectId, version: version.version };
      }
      const created = await api.projects.create({ spec: state.spec, selection });
      return { projectId: created.project.id, version: created.version.version };
    },
    onSuccess: (result) => {
      dispatch({ type: 'created', ...result });
      void queryClient.invalidateQueries({ queryKey: ['projects'] });
      toast.show('success', `Generated version ${result.version}.`);
    },
    onError: (error) => toast.show('error', messageOf(error)),
  });
  const created = state.created;
  const command = cliCommand(state.spec, selection);
  return (
    <div className="ag-stack">
      {!created ? (
        <div className="ag-card ag-stack">
          <p>{state.editing ? `Generate a new version of “${state.editing.name}” from this spec.` : 'Generate the project on the server. It is stored with its files, and you can download it next.'}</p>
          <div>
            <Button variant="primary" onClick={() => generate.mutate()} disabled={generate.isPending}>
              {generate.isPending ? 'Generating…' : state.editing ? 'Generate new version' : 'Generate project'}
            </Button>
          </div>
          {generate.error && <p className="ag-field__error" role="alert">{messageOf(generate.error)}</p>}
        </div>
      ) : (
        <div className="ag-card ag-stack" aria-label="Generated">
          <h2>Version {created.version} is ready</h2>
          <div className="ag-row">
            <a className="ag-button ag-button--primary" href={api.projects.downloadUrl(created.projectId, created.version)} download>
              Download zip
            </a>
            <Link className="ag-button" to={`/projects/${created.projectId}`}>
              Open project
            </Link>
            <Button onClick={() => dispatch({ type: 'reset' })}>Start another</Button>
          </div>
        </div>
      )}
      <section className="ag-card ag-stack" aria-labelledby="cli-heading">
        <h2 id="cli-heading">The same from a terminal</h2>
        <pre className="ag-code" tabIndex={0} aria-label="CLI command">
          {command}
        </pre>
        <div className="ag-row">
          <Button size="small" onClick={() => void navigator.clipboard.writeText(command).then(() => toast.show('success', 'Command copied.'), () => toast.show('error', 'The clipboard is not available here.'))}>
            Copy command
          </Button>
          <span className="ag-muted">The CLI plans from the idea with these choices; edits to agents and tasks live only in the generated project.</span>
        </div>
      </section>
      <section className="ag-stack" aria-labelledby="targets-heading">
        <h2 id="targets-heading">Export targets</h2>
        <Targets spec={state.spec} />
      </section>
    </div>
  );
}
