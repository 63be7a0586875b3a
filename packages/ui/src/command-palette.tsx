// The ⌘K palette: type to filter the command list, arrows to move, Enter to run; disabled commands say so.
import { useId, useMemo, useState, type KeyboardEvent } from 'react';
import { filterCommands, type PaletteEntry } from './filter-commands';
import { Kbd } from './kbd';
import { Modal } from './modal';

export interface CommandPaletteProps {
  readonly commands: ReadonlyArray<PaletteEntry>;
  readonly onRun: (id: string) => void;
  readonly onClose: () => void;
  readonly mac?: boolean;
}

export function CommandPalette({ commands, onRun, onClose, mac = false }: CommandPaletteProps) {
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const listId = useId();
  const visible = useMemo(() => filterCommands(commands, query), [commands, query]);
  const current = visible[Math.min(active, visible.length - 1)];

  const run = (entry: PaletteEntry | undefined) => {
    if (!entry || !entry.enabled) return;
    onClose();
    onRun(entry.id);
  };
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      const step = event.key === 'ArrowDown' ? 1 : -1;
      setActive((index) => (Math.min(index, visible.length - 1) + step + visible.length) % Math.max(visible.length, 1));
    } else if (event.key === 'Enter') {
      event.preventDefault();
      run(current);
    }
  };

  return (
    <Modal title="Command palette" onClose={onClose}>
      <input
        className="ag-input ag-palette__input"
        placeholder="Type a command…"
        aria-label="Search commands"
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
      <ul className="ag-palette__list" role="listbox" id={listId} aria-label="Commands">
        {visible.map((entry) => (
          <li
            key={entry.id}
            id={`${listId}-${entry.id}`}
            role="option"
            className="ag-palette__item"
            aria-selected={entry === current}
            aria-disabled={!entry.enabled}
            onMouseEnter={() => setActive(visible.indexOf(entry))}
            onClick={() => run(entry)}
          >
            <span style={{ flex: 1 }}>{entry.label}</span>
            <span className="ag-muted" style={{ fontSize: '0.8rem' }}>
              {entry.enabled ? entry.group : 'not available here'}
            </span>
            {entry.shortcut && <Kbd combination={entry.shortcut} mac={mac} />}
          </li>
        ))}
        {visible.length === 0 && <li className="ag-muted">No command matches “{query}”.</li>}
      </ul>
    </Modal>
  );
}
