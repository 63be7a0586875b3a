// A coloured dot for a status, with its name for screen readers and as a tooltip.
export type DotTone = 'ok' | 'err' | 'warn' | 'running' | 'none';

export function StatusDot({ tone, label }: { readonly tone: DotTone; readonly label: string }) {
  return (
    <span className={`ag-dot ag-dot--${tone}`} title={label}>
      <span className="ag-visually-hidden">{label}</span>
    </span>
  );
}
