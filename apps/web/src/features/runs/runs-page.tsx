// The Run console: every run you can see, newest first, with its status, project, start, duration and tokens.
import type { Run, RunStatus } from '@agent-generator/client';
import { Badge, EmptyState, SelectField, type Tone } from '@agent-generator/ui';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from '../../app/router';
import { messageOf } from '../../app/toasts';
import { useFormat } from '../../app/use-format';
import { runsApi } from '../chat/runs-api';
import { formatDuration } from '../chat/format-run';
import { useAgents } from '../chat/use-test-data';

const PAGE = 50;
export const STATUS_TONE: Record<RunStatus, Tone> = { queued: 'neutral', running: 'accent', succeeded: 'ok', failed: 'err', cancelled: 'warn' };

export function runDuration(run: Run): string {
  if (run.startedAt === null) return '—';
  if (run.endedAt === null) return 'running';
  return formatDuration(Date.parse(run.endedAt) - Date.parse(run.startedAt));
}

export default function RunsPage() {
  const format = useFormat();
  const [status, setStatus] = useState<RunStatus | ''>('');
  const [offset, setOffset] = useState(0);
  const projects = useAgents();
  const runs = useQuery({
    queryKey: ['runs', 'list', status, offset],
    queryFn: () => runsApi.runs.list({ limit: PAGE, offset, ...(status ? { status } : {}) }),
    placeholderData: keepPreviousData,
    refetchInterval: (query) => (query.state.data?.items.some((run) => run.endedAt === null) ? 2000 : false),
  });
  const names = new Map((projects.data?.items ?? []).map((project) => [project.id, project.name]));
  const total = runs.data?.total ?? 0;
  return (
    <div className="ag-stack">
      <div className="ag-page-head">
        <h1>Runs</h1>
        {runs.data && <span className="ag-muted">{total === 1 ? '1 run' : `${format.number(total)} runs`}</span>}
      </div>
      <div className="ag-row ag-filters">
        <SelectField
          label="Status"
          value={status}
          onChange={(event) => {
            setStatus(event.target.value as RunStatus | '');
            setOffset(0);
          }}
        >
          <option value="">All</option>
          {(['queued', 'running', 'succeeded', 'failed', 'cancelled'] as const).map((value) => (
            <option key={value} value={value}>
              {value}
            </option>
          ))}
        </SelectField>
      </div>
      {runs.error && <p role="alert" className="ag-field__error">{messageOf(runs.error)}</p>}
      {runs.isPending && <p className="ag-muted">Loading runs…</p>}
      {runs.data && runs.data.items.length === 0 && (
        <EmptyState title={status ? 'No run has this status' : 'No runs yet'} action={<Link className="ag-button ag-button--primary" to="/test">Test an agent</Link>}>
          A run starts when you send a message to an agent on the Test page.
        </EmptyState>
      )}
      {runs.data && runs.data.items.length > 0 && (
        <table className="ag-table ag-table--wide">
          <thead>
            <tr>
              <th scope="col">Run</th>
              <th scope="col">Status</th>
              <th scope="col">Project</th>
              <th scope="col">Started</th>
              <th scope="col">Duration</th>
              <th scope="col">Tokens</th>
            </tr>
          </thead>
          <tbody>
            {runs.data.items.map((run) => (
              <tr key={run.id}>
                <td>
                  <Link to={`/runs/${run.id}`}>{run.input.slice(0, 80) || run.id}</Link>
                </td>
                <td>
                  <Badge tone={STATUS_TONE[run.status]}>{run.status}</Badge>
                </td>
                <td>{names.get(run.projectId) ?? run.projectId}</td>
                <td>{format.dateTime(run.startedAt ?? run.createdAt)}</td>
                <td>{runDuration(run)}</td>
                <td>{format.number(run.totals.inputTokens + run.totals.outputTokens)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {total > PAGE && (
        <div className="ag-row">
          <button type="button" className="ag-button ag-button--small" disabled={offset === 0} onClick={() => setOffset(Math.max(0, offset - PAGE))}>
            Newer
          </button>
          <span className="ag-muted">
            {offset + 1}–{Math.min(offset + PAGE, total)} of {format.number(total)}
          </span>
          <button type="button" className="ag-button ag-button--small" disabled={offset + PAGE >= total} onClick={() => setOffset(offset + PAGE)}>
            Older
          </button>
        </div>
      )}
    </div>
  );
}
