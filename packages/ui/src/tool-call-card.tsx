// A tool call in a thread: a collapsible card with its arguments, result, duration or error, and in
// Ask mode the Approve / Refuse buttons while it waits.
import { Badge } from './badge';

export interface ToolCallCardProps {
  readonly tool: string;
  readonly callId: string;
  readonly arguments: unknown;
  readonly result?: unknown;
  readonly isError?: boolean;
  /** Already formatted, e.g. "12 ms"; absent while the call runs. */
  readonly duration?: string;
  readonly approval?: 'pending' | 'approved' | 'refused';
  readonly onAnswer?: (approved: boolean) => void;
  readonly defaultOpen?: boolean;
}

function asText(value: unknown): string {
  if (value === undefined) return '';
  if (typeof value === 'string') return value;
  return JSON.stringify(value, null, 2) ?? String(value);
}

function status({ result, isError, approval, duration }: ToolCallCardProps): { readonly label: string; readonly tone: 'ok' | 'err' | 'warn' | 'accent' } {
  if (approval === 'pending') return { label: 'waiting for approval', tone: 'warn' };
  if (isError === true) return { label: approval === 'refused' ? 'refused' : 'error', tone: 'err' };
  if (result !== undefined || duration !== undefined) return { label: 'done', tone: 'ok' };
  return { label: 'running', tone: 'accent' };
}

export function ToolCallCard(props: ToolCallCardProps) {
  const { tool, callId, duration, approval, onAnswer } = props;
  const state = status(props);
  return (
    <details className="ag-tool-card" open={props.defaultOpen ?? approval === 'pending'} data-call-id={callId}>
      <summary className="ag-tool-card__summary">
        <span className="ag-tool-card__icon" aria-hidden="true">
          ⚙
        </span>
        <span className="ag-tool-card__name">{tool}</span>
        <Badge tone={state.tone}>{state.label}</Badge>
        {duration !== undefined && <span className="ag-muted ag-tool-card__duration">{duration}</span>}
      </summary>
      <div className="ag-tool-card__body">
        <div className="ag-tool-card__label">Arguments</div>
        <pre className="ag-code">{asText(props.arguments) || '(none)'}</pre>
        {props.result !== undefined && (
          <>
            <div className="ag-tool-card__label">{props.isError === true ? 'Error' : 'Result'}</div>
            <pre className={props.isError === true ? 'ag-code ag-code--error' : 'ag-code'}>{asText(props.result)}</pre>
          </>
        )}
        {approval === 'pending' && onAnswer && (
          <div className="ag-row" role="group" aria-label={`Approve the ${tool} call?`}>
            <span>This call can change something outside the run. Allow it?</span>
            <button type="button" className="ag-button ag-button--primary ag-button--small" onClick={() => onAnswer(true)}>
              Approve
            </button>
            <button type="button" className="ag-button ag-button--danger ag-button--small" onClick={() => onAnswer(false)}>
              Refuse
            </button>
          </div>
        )}
      </div>
    </details>
  );
}
