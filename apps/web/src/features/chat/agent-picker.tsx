// The ⌘P agent picker: type to filter the projects, arrows to move, Enter to choose.
import type { Project } from '@agent-generator/client';
import { filterCommands, Modal } from '@agent-generator/ui';
import { useId, useMemo, useState, type KeyboardEvent } from 'react';

export interface AgentPickerProps {
  readonly projects: ReadonlyArray<Project>;
  readonly onPick: (projectId: string) => void;
  readonly onClose: () => void;
}

export function AgentPicker({ projects, onPick, onClose }: AgentPickerProps) {
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const listId = useId();
  const entries = useMemo(() => projects.map((project) => ({ id: project.id, label: project.name, group: `${project.framework} ${project.pattern}`, enabled: true, project })), [projects]);
  const visible = useMemo(() => filterCommands(entries, query), [entries, query]);
  const current = visible[Math.min(active, visible.length - 1)];
  const pick = (id: string | undefined) => {
    if (id === undefined) return;
    onClose();
    onPick(id);
  };
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      const step = event.key === 'ArrowDown' ? 1 : -1;
      setActive((index) => (Math.min(index, visible.length - 1) + step + visible.length) % Math.max(visible.length, 1));
    } else if (event.key === 'Enter') {
      event.preventDefault();
      pick(current?.id);
    }
  };
  return (
    <Modal title="Pick an agent" onClose={onClose}>
      <input
        className="ag-input ag-palette__input"
        placeholder="Search agents…"
        aria-label="Search agents"
        role="combobox"
        aria-expanded="true"
        aria-controls={listId}
        aria-activedescendant={current ? `${listId}-${current.id}` : undefined}
        value={query}
        onChange={(event) => {
          setQuery(event.target.value);
          setActive(0);
        }}
        onKeyDown={onKeyDown}
      />
      <ul className="ag-palette__list" role="listbox" id={listId} aria-label="Agents">
        {visible.map((entry) => (
          <li key={entry.id} id={`${listId}-${entry.id}`} role="option" className="ag-palette__item" aria-selected={entry === current} onMouseEnter={() => setActive(visible.indexOf(entry))} onClick={() => pick(entry.id)}>
            <span style={{ flex: 1 }}>{entry.label}</span>
            <span className="ag-muted" style={{ fontSize: '0.8rem' }}>
              {entry.project.framework} · {entry.project.pattern}
            </span>
          </li>
        ))}
        {visible.length === 0 && <li className="ag-muted">{projects.length === 0 ? 'No projects yet: generate one in the wizard first.' : `No agent matches “${query}”.`}</li>}
      </ul>
    </Modal>
  );
}
