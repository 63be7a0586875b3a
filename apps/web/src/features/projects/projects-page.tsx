// The project list: search, framework filter and sort, with the total the server counts.
import type { ListProjectsQuery } from '@agent-generator/client';
import type { FrameworkId } from '@agent-generator/contracts';
import { catalog } from '@agent-generator/core';
import { Badge, EmptyState, SelectField, TextField } from '@agent-generator/ui';
import { useDeferredValue, useState } from 'react';
import { Link } from '../../app/router';
import { messageOf } from '../../app/toasts';
import { useFormat } from '../../app/use-format';
import { FIRST_LIST_QUERY, useProjects } from './use-projects';

type Sort = NonNullable<ListProjectsQuery['sort']>;

export default function ProjectsPage() {
  const format = useFormat();
  const [search, setSearch] = useState('');
  const [framework, setFramework] = useState<FrameworkId | ''>('');
  const [sort, setSort] = useState<Sort>(FIRST_LIST_QUERY.sort ?? 'updated');
  const deferred = useDeferredValue(search.trim());
  const query: ListProjectsQuery = { sort, order: sort === 'name' ? 'asc' : 'desc', limit: 100, ...(deferred ? { search: deferred } : {}), ...(framework ? { framework } : {}) };
  const projects = useProjects(query);
  const filtered = deferred !== '' || framework !== '';

  return (
    <div className="ag-stack">
      <div className="ag-page-head">
        <h1>Projects</h1>
        {/* No count beside an empty list: the empty state says so, and the first number formatted costs a phone a long task. */}
        {projects.data && projects.data.total > 0 && <span className="ag-muted">{projects.data.total === 1 ? '1 project' : `${format.number(projects.data.total)} projects`}{filtered ? ' match' : ''}</span>}
        <Link className="ag-button ag-button--primary" to="/new">
          New project
        </Link>
      </div>
      <div className="ag-row ag-filters">
        <TextField label="Search" type="search" value={search} placeholder="Name or idea" onChange={(event) => setSearch(event.target.value)} />
        <SelectField label="Framework" value={framework} onChange={(event) => setFramework(event.target.value as FrameworkId | '')}>
          <option value="">All frameworks</option>
          {catalog.frameworks.map((entry) => (
            <option key={entry.id} value={entry.id}>
              {entry.name}
            </option>
          ))}
        </SelectField>
        <SelectField label="Sort by" value={sort} onChange={(event) => setSort(event.target.value as Sort)}>
          <option value="updated">Last updated</option>
          <option value="created">Created</option>
          <option value="name">Name</option>
        </SelectField>
      </div>
      {projects.error && <p role="alert" className="ag-field__error">{messageOf(projects.error)}</p>}
      {projects.isPending && <p className="ag-muted">Loading projects…</p>}
      {projects.data && projects.data.items.length === 0 &&
        (filtered ? (
          <EmptyState title="No project matches">Change the search or the framework filter.</EmptyState>
        ) : (
          <EmptyState title="No projects yet" action={<Link className="ag-button ag-button--primary" to="/new">Describe your first agent system</Link>}>
            A project is generated from one sentence in the wizard. It appears here with its files and versions.
          </EmptyState>
        ))}
      {projects.data && projects.data.items.length > 0 && (
        <table className="ag-table ag-table--wide">
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Framework</th>
              <th scope="col">Pattern</th>
              <th scope="col">Version</th>
              <th scope="col">Updated</th>
            </tr>
          </thead>
          <tbody>
            {projects.data.items.map((project) => (
              <tr key={project.id}>
                <td>
                  <Link to={`/projects/${project.id}`}>{project.name}</Link>
                  <div className="ag-muted" style={{ fontSize: '0.8rem' }}>
                    {project.idea.slice(0, 120)}
                  </div>
                </td>
                <td>
                  <Badge>{project.framework}</Badge>
                </td>
                <td>{project.pattern}</td>
                <td>v{project.latestVersion}</td>
                <td>
                  <time dateTime={project.updatedAt}>{format.dateTime(project.updatedAt)}</time>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
