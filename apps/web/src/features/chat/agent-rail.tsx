// The Test page's left rail: searchable agents with the status of their last run, recent sessions,
// and "Load from file…" pinned at the bottom.
import type { ChatSession, Project, Run } from '@agent-generator/client';
import { StatusDot, type DotTone } from '@agent-generator/ui';
import { useRef, useState } from 'react';

const TONE: Record<Run['status'], DotTone> = { queued: 'running', running: 'running', succeeded: 'ok', failed: 'err', cancelled: 'warn' };

export interface AgentRailProps {
  readonly projects: ReadonlyArray<Project> | undefined;
  readonly lastRuns: ReadonlyMap<string, Run> | undefined;
  readonly sessions: ReadonlyArray<ChatSession> | undefined;
  readonly selectedProjectId: string | undefined;
  readonly selectedSessionId: string | undefined;
  readonly onSelectAgent: (projectId: string) => void;
  readonly onOpenSession: (sessionId: string) => void;
  readonly onLoadFile: (file: File) => void;
  readonly formatTime: (iso: string) => string;
}

export function AgentRail(props: AgentRailProps) {
  const [search, setSearch] = useState('');
  const fileInput = useRef<HTMLInputElement>(null);
  const term = search.trim().toLowerCase();
  const projects = (props.projects ?? []).filter((project) => term === '' || `${project.name} ${project.framework} ${project.pattern}`.toLowerCase().includes(term));
  const names = new Map((props.projects ?? []).map((project) => [project.id, project.name]));
  return (
    <aside className="ag-test__rail" aria-label="Agents">
      <input className="ag-input" type="search" placeholder="Search agents" aria-label="Search agents" value={search} onChange={(event) => setSearch(event.target.value)} />
      <h2 className="ag-test__heading">Agents</h2>
      <ul className="ag-test__list">
        {projects.map((project) => {
          const run = props.lastRuns?.get(project.id);
          return (
            <li key={project.id}>
              <button type="button" className="ag-test__item" aria-current={project.id === props.selectedProjectId ? 'true' : undefined} onClick={() => props.onSelectAgent(project.id)}>
                <StatusDot tone={run ? TONE[run.status] : 'none'} label={run ? `last run ${run.status}` : 'never run'} />
                <span className="ag-test__item-name">{project.name}</span>
                <span className="ag-muted ag-test__item-meta">{project.framework}</span>
              </button>
            </li>
          );
        })}
        {props.projects && projects.length === 0 && <li className="ag-muted">{term ? 'No agent matches.' : 'No projects yet.'}</li>}
      </ul>
      <h2 className="ag-test__heading">Recent sessions</h2>
      <ul className="ag-test__list">
        {(props.sessions ?? []).map((session) => (
          <li key={session.id}>
            <button type="button" className="ag-test__item" aria-current={session.id === props.selectedSessionId ? 'true' : undefined} onClick={() => props.onOpenSession(session.id)}>
              <span className="ag-test__item-name">{session.title || names.get(session.projectId) || 'Session'}</span>
              <span className="ag-muted ag-test__item-meta">{props.formatTime(session.updatedAt)}</span>
            </button>
          </li>
        ))}
        {props.sessions?.length === 0 && <li className="ag-muted">No sessions yet.</li>}
      </ul>
      <div className="ag-test__rail-foot">
        <button type="button" className="ag-button ag-button--small" onClick={() => fileInput.current?.click()}>
          Load from file…
        </button>
        <input
          ref={fileInput}
          type="file"
          accept=".json,application/json,.zip,application/zip"
          hidden
          aria-label="Spec or project zip file"
          onChange={(event) => {
            const file = event.target.files?.[0];
            if (file) props.onLoadFile(file);
            event.target.value = '';
          }}
        />
      </div>
    </aside>
  );
}
