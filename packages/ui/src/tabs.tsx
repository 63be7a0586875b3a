// Tabs as the ARIA tab pattern: a list of tabs, arrow keys move between them, one panel shows.
import { useId, type KeyboardEvent, type ReactNode } from 'react';

export interface TabItem<Id extends string> {
  readonly id: Id;
  readonly label: string;
}

export interface TabsProps<Id extends string> {
  readonly label: string;
  readonly items: ReadonlyArray<TabItem<Id>>;
  readonly selected: Id;
  readonly onSelect: (id: Id) => void;
  readonly children: ReactNode;
}

export function Tabs<Id extends string>({ label, items, selected, onSelect, children }: TabsProps<Id>) {
  const base = useId();
  const index = Math.max(0, items.findIndex((item) => item.id === selected));
  const onKeyDown = (event: KeyboardEvent) => {
    const step = event.key === 'ArrowRight' ? 1 : event.key === 'ArrowLeft' ? -1 : 0;
    const next = items[(index + step + items.length) % items.length];
    if (step !== 0 && next) {
      event.preventDefault();
      onSelect(next.id);
      document.getElementById(`${base}-${next.id}`)?.focus();
    }
  };
  return (
    <div>
      <div role="tablist" aria-label={label} className="ag-tabs__list" onKeyDown={onKeyDown}>
        {items.map((item) => (
          <button
            key={item.id}
            id={`${base}-${item.id}`}
            role="tab"
            type="button"
            className="ag-tabs__tab"
            aria-selected={item.id === selected}
            aria-controls={`${base}-panel`}
            tabIndex={item.id === selected ? 0 : -1}
            onClick={() => onSelect(item.id)}
          >
            {item.label}
          </button>
        ))}
      </div>
      <div role="tabpanel" id={`${base}-panel`} aria-labelledby={`${base}-${selected}`}>
        {children}
      </div>
    </div>
  );
}
