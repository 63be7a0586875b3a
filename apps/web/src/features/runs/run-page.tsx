// One run: its status and totals, the step/tool timeline built from its events (with each step's model
// and the run's model notices), and the raw event log page by page; live while it runs, with Stop and
// the Ask-mode answers.
import '@agent-generator/ui/chat.css';
import './runs.css';
import { Badge, StatusDot } from '@agent-generator/ui';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useMemo } from 'react';
import { useCrumb } from '../../app/crumb';
import { Link, useParams } from '../../app/router';
import { messageOf, useToast } from '../../app/toasts';
import { useFormat } from '../../app/use-format';
import { formatCost, formatDuration } from '../chat/format-run';
import { runStartTools, runToolsLabel, specTools } from '../chat/run-tools-label';
import { runsApi } from '../chat/runs-api';
import { useAgentDetail } from '../chat/use-test-data';
import { EventLog } from './event-log';
import { buildTimeline } from './run-timeline';
import { runDuration, STATUS_TONE } from './runs-page';
import { useRunEvents } from './use-run-events';

export default function RunPage() {
  const { id = '' } = useParams();
  const format = useFormat();
  const toast = useToast();
  const queryClient = useQueryClient();
  const run = useQuery({ queryKey: ['runs', id], queryFn: () => runsApi.runs.get(id), refetchInterval: (query) => (query.state.data?.endedAt === null ? 2000 : false) });
  const live = run.data !== undefined && run.data.endedAt === null;
  const stream = useRunEvents(id, live);
  // The run's run-start names the tools its spec offered; only older runs that had a choice fall back
  // to the project's latest spec, which may have changed since.
  const startTools = runStartTools(stream.events);
  const fallBack = run.data?.tools !== null && !stream.loading && startTools === undefined;
  const project = useAgentDetail(fallBack ? run.data?.projectId : undefined);
  const timeline = useMemo(() => buildTimeline(stream.events), [stream.events]);
  const ended = stream.events.some((event) => event.type === 'run-end' || event.type === 'run-error');
  useCrumb(run.data ? run.data.input.slice(0, 40) : undefined);
  useEffect(() => {
    if (ended) void queryClient.invalidateQueries({ queryKey: ['runs', id] });
  }, [ended, id, queryClient]);
  const answered = new Set(stream.events.flatMap((event) => (event.type === 'approval-response' ? [event.callId] : [])));
  const pending = stream.events.flatMap((event) => (event.type === 'approval-request' && !answered.has(event.callId) ? [event] : []));
  const act = (work: Promise<unknown>, what: string) => void work.catch((error: unknown) => toast.show('error', `${what}: ${messageOf(error)}`));

  if (run.error) return <p role="alert" className="ag-field__error">{messageOf(run.error)}</p>;
  if (!run.data) return <p className="ag-muted">Loading the run…</p>;
  const data = run.data;
  const toolsLabel = stream.loading ? undefined : runToolsLabel(startTools ?? (project.data ? specTools(project.data.latest.spec) : undefined), data.tools);
  return (
    <div className="ag-stack">
      <div className="ag-page-head">
        <span className="ag-row">
          <h1 style={{ margin: 0 }}>Run</h1>
          <Badge tone={STATUS_TONE[data.status]}>{data.status}</Badge>
          {stream.live && live && <span className="ag-muted">live ({stream.live})</span>}
        </span>
        <span className="ag-spacer" />
        {live && (
          <button type="button" className="ag-button ag-button--danger" onClick={() => act(runsApi.runs.stop(id), 'The run did not stop')}>
            Stop
          </button>
        )}
        <Link className="ag-button" to="/runs">
          All runs
        </Link>
      </div>
      <dl className="ag-kv" style={{ display: 'grid', gridTemplateColumns: 'auto 1fr', gap: '4px 16px' }}>
        <dt>Input</dt>
        <dd>{data.input}</dd>
        <dt>Started</dt>
        <dd>{format.dateTime(data.startedAt ?? data.createdAt)}</dd>
        <dt>Duration</dt>
        <dd>{runDuration(data)}</dd>
        <dt>Tokens</dt>
        <dd>
          {format.number(data.totals.inputTokens)} in · {format.number(data.totals.outputTokens)} out{data.totals.costUsd !== undefined ? ` · ${formatCost(data.totals.costUsd)}` : ''}
        </dd>
        <dt>Mode</dt>
        <dd>
          {data.permissionMode} · {data.runtime} runtime{data.model ? ` · ${data.model.provider} ${data.model.id}` : ''}
        </dd>
        {toolsLabel !== undefined && (
          <>
            <dt>Tools</dt>
            <dd data-testid="run-tools">{toolsLabel}</dd>
          </>
        )}
        {data.error && (
          <>
            <dt>Error</dt>
            <dd role="alert">
              {data.error.message} ({data.error.code}){data.error.code === 'no_model' && <> — <Link to="/settings/providers">Settings → Providers</Link></>}
            </dd>
          </>
        )}
      </dl>
      {pending.map((request) => (
        <div key={request.callId} className="ag-card ag-row" role="group" aria-label={`Approve the ${request.tool} call?`}>
          <span>
            The run waits for your approval of <code>{request.tool}</code> {JSON.stringify(request.arguments)}.
          </span>
          <button type="button" className="ag-button ag-button--primary ag-button--small" onClick={() => act(runsApi.runs.approve(id, { callId: request.callId, approved: true }), 'The answer was not sent')}>
            Approve
          </button>
          <button type="button" className="ag-button ag-button--danger ag-button--small" onClick={() => act(runsApi.runs.approve(id, { callId: request.callId, approved: false }), 'The answer was not sent')}>
            Refuse
          </button>
        </div>
      ))}
      <section aria-labelledby="timeline-title">
        <h2 id="timeline-title">Timeline</h2>
        {stream.loading && <p className="ag-muted">Loading events…</p>}
        {stream.error && <p role="alert" className="ag-field__error">{stream.error}</p>}
        <ol className="ag-timeline">
          {timeline.map((entry) => (
            <li key={entry.id} className={`ag-timeline__entry ag-timeline__entry--depth-${entry.depth}`}>
              <StatusDot tone={entry.status} label={entry.status} />
              <span className="ag-timeline__label">{entry.label}</span>
              {entry.model !== undefined && <span className="ag-muted ag-timeline__model">{entry.model}</span>}
              {entry.kind === 'notice' ? (
                <span role="note" className="ag-muted ag-timeline__notice">
                  {entry.detail}
                </span>
              ) : (
                entry.detail && <span className="ag-muted ag-timeline__detail">{entry.detail.slice(0, 160)}</span>
              )}
              <span className="ag-spacer" />
              <span className="ag-muted">{entry.durationMs === undefined ? (entry.status === 'running' ? '…' : '') : formatDuration(entry.durationMs)}</span>
            </li>
          ))}
        </ol>
      </section>
      <EventLog events={stream.events} />
    </div>
  );
}
