// One project: files and code, spec, versions with diffs, download, delete with confirmation, edit & regenerate.
import { Button, CompatibilityCard, Modal, Tabs } from '@agent-generator/ui';
import { useState } from 'react';
import { useNavigate, useParams } from '../../app/router';
import { api } from '../../app/api';
import { useCrumb } from '../../app/crumb';
import { messageOf, useToast } from '../../app/toasts';
import { saveWizardState, initialWizardState, wizardReducer } from '../wizard/wizard-state';
import { ProjectFiles } from './project-files';
import { ProjectVersions } from './project-versions';
import { useDeleteProject, useProject } from './use-projects';

type Tab = 'files' | 'spec' | 'versions';
const TABS = [
  { id: 'files', label: 'Files' },
  { id: 'spec', label: 'Spec' },
  { id: 'versions', label: 'Versions' },
] as const;

export default function ProjectPage() {
  const { id = '' } = useParams();
  const project = useProject(id);
  const remove = useDeleteProject();
  const navigate = useNavigate();
  const toast = useToast();
  const [tab, setTab] = useState<Tab>('files');
  const [confirming, setConfirming] = useState(false);
  useCrumb(project.data?.project.name);

  if (project.error) return <p role="alert" className="ag-field__error">{messageOf(project.error)}</p>;
  if (!project.data) return <p className="ag-muted">Loading the project…</p>;
  const { project: info, latest } = project.data;

  const editAndRegenerate = () => {
    saveWizardState(wizardReducer(initialWizardState, { type: 'edit', projectId: info.id, spec: latest.spec, name: info.name }));
    void navigate('/new');
  };
  const confirmDelete = () =>
    remove.mutate(info.id, {
      onSuccess: () => {
        toast.show('success', `Deleted “${info.name}”.`);
        void navigate('/projects');
      },
      onError: (error) => toast.show('error', messageOf(error)),
    });

  return (
    <div className="ag-stack">
      <div className="ag-page-head">
        <h1>{info.name}</h1>
        <a className="ag-button ag-button--primary" href={api.projects.downloadUrl(info.id, latest.version)} download>
          Download v{latest.version} (zip)
        </a>
        <Button onClick={editAndRegenerate}>Edit &amp; regenerate</Button>
        <Button variant="danger" onClick={() => setConfirming(true)}>
          Delete
        </Button>
      </div>
      <p className="ag-muted">{info.idea}</p>
      <Tabs label="Project views" items={TABS} selected={tab} onSelect={setTab}>
        {tab === 'files' && <ProjectFiles projectId={info.id} version={latest.version} />}
        {tab === 'spec' && (
          <div className="ag-stack">
            <CompatibilityCard diagnostics={latest.diagnostics} title={`Compatibility of v${latest.version}`} />
            <pre className="ag-code" tabIndex={0} aria-label="Spec as JSON">
              {JSON.stringify(latest.spec, null, 2)}
            </pre>
          </div>
        )}
        {tab === 'versions' && <ProjectVersions projectId={info.id} />}
      </Tabs>
      {confirming && (
        <Modal title={`Delete “${info.name}”?`} onClose={() => setConfirming(false)}>
          <p>All {info.latestVersion} versions and their files are deleted. This cannot be undone.</p>
          <div className="ag-row">
            <span className="ag-spacer" />
            <Button onClick={() => setConfirming(false)}>Keep it</Button>
            <Button variant="danger" onClick={confirmDelete} disabled={remove.isPending}>
              Delete project
            </Button>
          </div>
        </Modal>
      )}
    </div>
  );
}
