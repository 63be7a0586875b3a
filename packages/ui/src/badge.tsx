// A small pill for a status or label; the tone carries meaning (ok, warn, err, accent).
import type { ReactNode } from 'react';

export type Tone = 'neutral' | 'ok' | 'warn' | 'err' | 'accent';

export function Badge({ tone = 'neutral', children, title }: { readonly tone?: Tone; readonly children: ReactNode; readonly title?: string }) {
  return (
    <span className={tone === 'neutral' ? 'ag-badge' : `ag-badge ag-badge--${tone}`} title={title}>
      {children}
    </span>
  );
}
