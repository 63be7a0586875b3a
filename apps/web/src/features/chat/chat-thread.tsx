// The conversation: role-labelled messages with square avatars, Markdown text with a streaming cursor,
// tool calls as collapsible cards (with Approve / Refuse in Ask mode) and run errors explained; each
// agent's model beside its name, and the run's model notices (a choice passed over) as plain text.
import { ChatMessage, Markdown, ToolCallCard } from '@agent-generator/ui';
import { useEffect, useRef } from 'react';
import { Link } from '../../app/router';
import { formatDuration } from './format-run';
import { runsOf, type RunThread, type ThreadState } from './thread-reducer';

export interface ChatThreadProps {
  readonly thread: ThreadState;
  readonly agentName: string;
  /** Agent ids of the spec and their roles, to name who speaks. */
  readonly agentRoles: ReadonlyMap<string, string>;
  readonly pendingInput: string | undefined;
  readonly onAnswer: (callId: string, approved: boolean) => void;
}

function RunError({ error }: { readonly error: NonNullable<RunThread['error']> }) {
  if (error.code === 'no_model')
    return (
      <p role="alert" className="ag-chat__error">
        No model is configured. <Link to="/settings/providers">Add one in Settings → Providers</Link>, then send the message again.
      </p>
    );
  return (
    <p role="alert" className="ag-chat__error">
      The run failed: {error.message} <span className="ag-muted">({error.code})</span>
    </p>
  );
}

function AssistantTurn({ run, agentName, agentRoles, onAnswer }: { readonly run: RunThread; readonly agentName: string; readonly agentRoles: ReadonlyMap<string, string>; readonly onAnswer: ChatThreadProps['onAnswer'] }) {
  const nameOf = (agent: string | undefined) => (agent === undefined ? undefined : (agentRoles.get(agent) ?? agent));
  const streaming = run.phase === 'running';
  const lastIndex = run.items.length - 1;
  const texts = run.items.filter((item) => item.kind === 'text');
  const firstAgent = nameOf(texts[0]?.agent);
  const tokens = run.usage.inputTokens + run.usage.outputTokens;
  const meta = [texts[0]?.model ?? run.usage.model, tokens > 0 ? `${tokens} tokens` : undefined, run.phase === 'cancelled' ? 'stopped' : undefined].filter(Boolean).join(' · ');
  return (
    <ChatMessage role="assistant" name={firstAgent ?? agentName} meta={meta || undefined}>
      {run.items.map((item, index) => {
        if (item.kind === 'tool')
          return (
            <ToolCallCard
              key={item.callId}
              tool={item.tool}
              callId={item.callId}
              arguments={item.arguments}
              {...(item.result !== undefined ? { result: item.result } : {})}
              {...(item.isError !== undefined ? { isError: item.isError } : {})}
              {...(item.durationMs !== undefined ? { duration: formatDuration(item.durationMs) } : {})}
              {...(item.approval ? { approval: item.approval } : {})}
              onAnswer={(approved) => onAnswer(item.callId, approved)}
            />
          );
        const previousAgent = nameOf(run.items.slice(0, index).findLast((other) => other.kind === 'text')?.agent) ?? firstAgent;
        const agent = nameOf(item.agent);
        return (
          <div key={item.id} className="ag-chat__text">
            {agent !== undefined && agent !== previousAgent && (
              <div className="ag-chat__agent">
                {agent}
                {item.model !== undefined && <span className="ag-chat__model">{item.model}</span>}
              </div>
            )}
            <Markdown text={item.text}>{streaming && index === lastIndex ? <span className="ag-cursor" aria-hidden="true" /> : null}</Markdown>
          </div>
        );
      })}
      {streaming && (lastIndex < 0 || run.items[lastIndex]?.kind === 'tool') && (
        <p className="ag-muted">
          Working… <span className="ag-cursor" aria-hidden="true" />
        </p>
      )}
      {run.error && <RunError error={run.error} />}
      {run.phase === 'cancelled' && <p className="ag-muted">Stopped.</p>}
    </ChatMessage>
  );
}

export function ChatThread({ thread, agentName, agentRoles, pendingInput, onAnswer }: ChatThreadProps) {
  const container = useRef<HTMLDivElement>(null);
  const runs = runsOf(thread);
  const streaming = runs.some((run) => run.phase === 'running');
  useEffect(() => {
    const element = container.current;
    if (element) element.scrollTop = element.scrollHeight;
  }, [thread, pendingInput]);
  return (
    <div className="ag-chat__thread" ref={container} role="log" aria-label="Conversation" aria-busy={streaming}>
      {runs.map((run) => (
        <div key={run.runId} className="ag-chat__run" data-run-id={run.runId}>
          <ChatMessage role="user" name="You" meta={run.startedAt ? new Date(run.startedAt).toLocaleTimeString() : undefined}>
            <Markdown text={run.input ?? ''} />
          </ChatMessage>
          {run.notices.map((notice, index) => (
            // A run's notices never change once it started; a project's may repeat one.
            <p key={index} role="note" className="ag-muted ag-chat__notice">
              {notice}
            </p>
          ))}
          <AssistantTurn run={run} agentName={agentName} agentRoles={agentRoles} onAnswer={onAnswer} />
        </div>
      ))}
      {pendingInput !== undefined && (
        <ChatMessage role="user" name="You" meta="sending…">
          <Markdown text={pendingInput} />
        </ChatMessage>
      )}
      {runs.length === 0 && pendingInput === undefined && <p className="ag-muted ag-chat__hint">Send a message to run {agentName}: its agents, tasks and tools run for real, and every step streams here.</p>}
    </div>
  );
}

