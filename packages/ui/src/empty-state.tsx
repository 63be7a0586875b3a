// What a page shows when it has nothing yet: what this is and the next thing to do.
import type { ReactNode } from 'react';

export function EmptyState({ title, children, action }: { readonly title: string; readonly children: ReactNode; readonly action?: ReactNode }) {
  return (
    <div className="ag-empty">
      <h2>{title}</h2>
      <p>{children}</p>
      {action}
    </div>
  );
}
