// The Test page's right inspector: the agent's metadata and the models its last run ran on, what
// runs (the spec on the built-in engine, or the generated project's own code), permission mode, live
// counters from usage events, recent tool calls and quick actions (live run, trace JSON, export .md).
import type { PermissionMode, ProjectDetail, RunRuntime } from '@agent-generator/client';
import { Badge, SegmentedControl, StatusDot } from '@agent-generator/ui';
import { Link } from '../../app/router';
import { formatCost, formatDuration } from './format-run';
import { elapsedMs, recentToolCalls, runModels, runsOf, totalUsage, type ThreadState } from './thread-reducer';
import { useNow } from './use-now';

const MODES = [
  { value: 'safe', label: 'Safe', hint: 'Only read-only tool calls run; anything that could change something is refused.' },
  { value: 'dev', label: 'Dev', hint: 'Every tool call runs without asking.' },
  { value: 'ask', label: 'Ask', hint: 'Tool calls that could change something wait for your approval.' },
] as const;

const RUNTIMES = [
  { value: 'spec', label: 'Spec', hint: 'The built-in engine runs the spec: its agents, tasks and tools, under the permission mode.' },
  { value: 'project', label: 'Project code', hint: "The generated project runs itself, in its own Python environment (built on first use, which can take minutes): its framework code and tools, without the permission mode's checks." },
] as const;

export interface InspectorProps {
  readonly project: ProjectDetail | undefined;
  readonly thread: ThreadState;
  readonly mode: PermissionMode;
  /** The mode of the open session, when it differs from the one chosen (the next message switches the session to it). */
  readonly sessionMode: PermissionMode | undefined;
  readonly onMode: (mode: PermissionMode) => void;
  readonly runtime: RunRuntime;
  /** The runtime of the open session, when it differs from the one chosen (the next message switches it). */
  readonly sessionRuntime: RunRuntime | undefined;
  readonly onRuntime: (runtime: RunRuntime) => void;
  /** "a, b (c off)" when the last run had some of the agent's tools off. */
  readonly lastRunTools?: string | undefined;
  readonly onTrace: () => void;
  readonly onExport: () => void;
}

export function Inspector({ project, thread, mode, sessionMode, onMode, runtime, sessionRuntime, onRuntime, lastRunTools, onTrace, onExport }: InspectorProps) {
  const runs = runsOf(thread);
  const latest = runs.at(-1);
  const running = latest?.phase === 'running';
  const now = useNow(running);
  const usage = totalUsage(thread);
  const elapsed = latest ? elapsedMs(latest, now) : undefined;
  const spec = project?.latest.spec;
  const ranOn = latest ? runModels(latest) : [];
  return (
    <aside className="ag-test__inspector" aria-label="Inspector">
      <section>
        <h2 className="ag-test__heading">Agent</h2>
        {spec ? (
          <dl className="ag-kv">
            <dt>Name</dt>
            <dd>{project.project.name}</dd>
            <dt>Framework</dt>
            <dd>
              <Badge>{spec.framework}</Badge> <Badge>{spec.pattern}</Badge>
            </dd>
            <dt>Model in spec</dt>
            <dd>
              {spec.model.provider} · {spec.model.id}
            </dd>
            {ranOn.length > 0 && (
              <>
                <dt>Last run on</dt>
                <dd data-testid="ran-on">{ranOn.join(', ')}</dd>
              </>
            )}
            <dt>Agents</dt>
            <dd>{spec.agents.map((agent) => agent.role).join(', ')}</dd>
            <dt>Tools</dt>
            <dd>{spec.tools.length > 0 ? spec.tools.map((tool) => tool.id).join(', ') : 'none'}</dd>
            {lastRunTools !== undefined && (
              <>
                <dt>Last run's tools</dt>
                <dd data-testid="run-tools">{lastRunTools}</dd>
              </>
            )}
            <dt>Version</dt>
            <dd>v{project.latest.version}</dd>
          </dl>
        ) : (
          <p className="ag-muted">No agent picked.</p>
        )}
      </section>
      <section>
        <SegmentedControl label="Runs" value={runtime} options={RUNTIMES} onChange={onRuntime} />
        <p className="ag-muted ag-test__small">{RUNTIMES.find((option) => option.value === runtime)?.hint}</p>
        {sessionRuntime !== undefined && sessionRuntime !== runtime && <p className="ag-test__small">The next message runs this way.</p>}
      </section>
      <section>
        <SegmentedControl label="Permission mode" value={mode} options={MODES} onChange={onMode} />
        <p className="ag-muted ag-test__small">{MODES.find((option) => option.value === mode)?.hint}</p>
        {sessionMode !== undefined && sessionMode !== mode && <p className="ag-test__small">The next message runs in this mode.</p>}
      </section>
      <section aria-label="Usage">
        <h2 className="ag-test__heading">This session</h2>
        <dl className="ag-kv ag-kv--numbers">
          <dt>Tokens in</dt>
          <dd data-testid="tokens-in">{usage.inputTokens}</dd>
          <dt>Tokens out</dt>
          <dd data-testid="tokens-out">{usage.outputTokens}</dd>
          <dt>Cost</dt>
          <dd>{usage.unpriced > 0 ? (usage.costUsd > 0 ? `≥ ${formatCost(usage.costUsd)}` : 'no price known') : formatCost(usage.costUsd)}</dd>
          <dt>Elapsed</dt>
          <dd data-testid="elapsed">{elapsed === undefined ? '—' : formatDuration(elapsed)}</dd>
        </dl>
      </section>
      <section>
        <h2 className="ag-test__heading">Recent tool calls</h2>
        <ul className="ag-test__list">
          {recentToolCalls(thread, 8).map((call) => (
            <li key={call.callId} className="ag-row ag-test__small">
              <StatusDot tone={call.approval === 'pending' ? 'warn' : call.isError === true ? 'err' : call.durationMs === undefined ? 'running' : 'ok'} label={call.isError === true ? 'failed' : call.durationMs === undefined ? 'running' : 'done'} />
              <code>{call.tool}</code>
              <span className="ag-spacer" />
              <span className="ag-muted">{call.durationMs === undefined ? '…' : formatDuration(call.durationMs)}</span>
            </li>
          ))}
          {recentToolCalls(thread, 1).length === 0 && <li className="ag-muted ag-test__small">None yet.</li>}
        </ul>
      </section>
      <section className="ag-stack">
        <h2 className="ag-test__heading">Quick actions</h2>
        {latest ? (
          <Link className="ag-button ag-button--small" to={`/runs/${latest.runId}`}>
            {running ? 'Open the live run' : 'Open the last run'}
          </Link>
        ) : null}
        <button type="button" className="ag-button ag-button--small" disabled={!latest} onClick={onTrace}>
          Trace JSON
        </button>
        <button type="button" className="ag-button ag-button--small" disabled={!latest} onClick={onExport}>
          Export .md
        </button>
      </section>
    </aside>
  );
}
