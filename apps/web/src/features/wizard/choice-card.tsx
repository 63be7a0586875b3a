// One choosable card (framework, pattern, provider, model): selected, or dimmed with the reason and the lever.
import type { ReactNode } from 'react';

export interface ChoiceCardProps {
  readonly title: string;
  readonly selected: boolean;
  readonly onChoose: () => void;
  /** Why choosing this would break the current selection, and what would enable it. */
  readonly blocked?: string | undefined;
  readonly children?: ReactNode;
}

export function ChoiceCard({ title, selected, onChoose, blocked, children }: ChoiceCardProps) {
  return (
    <button type="button" className={`ag-choice${blocked ? ' ag-choice--blocked' : ''}`} aria-pressed={selected} onClick={onChoose}>
      <span className="ag-choice__title">{title}</span>
      {children}
      {blocked && <span className="ag-choice__reason">⚠ {blocked}</span>}
    </button>
  );
}
