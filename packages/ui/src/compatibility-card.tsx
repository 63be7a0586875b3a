// The Compatibility card: one row per diagnostic, its rule on hover, and Resolve for rows with an alternative.
import type { Diagnostic } from '@agent-generator/contracts';
import { Badge, type Tone } from './badge';
import { Button } from './button';

const TONE: Record<Diagnostic['severity'], Tone> = { ok: 'ok', warn: 'warn', err: 'err' };
const WORD: Record<Diagnostic['severity'], string> = { ok: 'OK', warn: 'Warning', err: 'Error' };
const ORDER: Record<Diagnostic['severity'], number> = { err: 0, warn: 1, ok: 2 };

export interface CompatibilityCardProps {
  readonly diagnostics: ReadonlyArray<Diagnostic>;
  /** Called with the row to fix; the app jumps to its step with the first alternative applied. */
  readonly onResolve?: (diagnostic: Diagnostic) => void;
  readonly title?: string;
}

export function summarize(diagnostics: ReadonlyArray<Diagnostic>): Record<Diagnostic['severity'], number> {
  const counts = { ok: 0, warn: 0, err: 0 };
  for (const diagnostic of diagnostics) counts[diagnostic.severity] += 1;
  return counts;
}

export function CompatibilityCard({ diagnostics, onResolve, title = 'Compatibility' }: CompatibilityCardProps) {
  const counts = summarize(diagnostics);
  const rows = [...diagnostics].sort((a, b) => ORDER[a.severity] - ORDER[b.severity]);
  return (
    <section className="ag-card" aria-label={title} data-testid="compatibility-card">
      <div className="ag-card__title">
        <h2 style={{ margin: 0, flex: 1 }}>{title}</h2>
        <Badge tone={counts.err > 0 ? 'err' : counts.warn > 0 ? 'warn' : 'ok'}>
          {counts.err > 0 ? `${counts.err} blocking` : counts.warn > 0 ? `${counts.warn} to review` : 'All clear'}
        </Badge>
      </div>
      <ul className="ag-diagnostics">
        {rows.map((diagnostic) => (
          <li key={`${diagnostic.rule}:${diagnostic.subject}`} className="ag-diagnostic" title={`Rule ${diagnostic.rule}`} data-severity={diagnostic.severity}>
            <Badge tone={TONE[diagnostic.severity]}>{WORD[diagnostic.severity]}</Badge>
            <div className="ag-diagnostic__body">
              <div>{diagnostic.message}</div>
              <div className="ag-diagnostic__rule">
                {diagnostic.category} · {diagnostic.rule}
              </div>
            </div>
            {diagnostic.severity !== 'ok' && diagnostic.alternatives.length > 0 && onResolve && (
              <Button size="small" onClick={() => onResolve(diagnostic)} aria-label={`Resolve: ${diagnostic.message}`}>
                Resolve
              </Button>
            )}
          </li>
        ))}
        {rows.length === 0 && <li className="ag-muted">Nothing to check yet: pick a framework first.</li>}
      </ul>
    </section>
  );
}
