// A bordered panel with an optional title row.
import type { ReactNode } from 'react';

export interface CardProps {
  readonly title?: ReactNode;
  readonly actions?: ReactNode;
  readonly children: ReactNode;
  readonly labelledBy?: string;
}

export function Card({ title, actions, children, labelledBy }: CardProps) {
  return (
    <section className="ag-card" aria-labelledby={labelledBy}>
      {title !== undefined && (
        <div className="ag-card__title">
          <h2 id={labelledBy} style={{ margin: 0, flex: 1 }}>
            {title}
          </h2>
          {actions}
        </div>
      )}
      {children}
    </section>
  );
}
