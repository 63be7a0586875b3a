// Test (Chat): pick an agent (rail or ⌘P), talk to it, and watch its real run stream — text, tool
// calls, approvals, usage — with the inspector beside it.
import '@agent-generator/ui/chat.css';
import './chat.css';
import type { PermissionMode, RunRuntime } from '@agent-generator/client';
import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { api } from '../../app/api';
import { useCrumb } from '../../app/crumb';
import { sessionStore } from '../../app/session-store';
import { messageOf, useToast } from '../../app/toasts';
import { useFormat } from '../../app/use-format';
import { isMac } from '../../app/use-shortcuts';
import { loadRunEvents } from '../runs/load-run-events';
import { AgentPicker } from './agent-picker';
import { agentPicker, useAgentPickerOpen } from './agent-picker-store';
import { AgentRail } from './agent-rail';
import { ChatThread } from './chat-thread';
import { Composer } from './composer';
import { runToolsLabel, specTools } from './run-tools-label';
import { downloadText } from './download';
import { importProjectZip } from './import-project-zip';
import { Inspector } from './inspector';
import { threadMarkdown } from './thread-markdown';
import { runsOf } from './thread-reducer';
import { useChat } from './use-chat';
import { useAgentDetail, useAgents, useLastRuns, useModelOptions, useRecentSessions, useRunRecord } from './use-test-data';

export default function TestPage() {
  const chat = useChat();
  const toast = useToast();
  const format = useFormat();
  const queryClient = useQueryClient();
  const agents = useAgents();
  const sessions = useRecentSessions();
  const models = useModelOptions();
  const pickerOpen = useAgentPickerOpen();
  const [projectId, setProjectId] = useState<string | undefined>(() => new URLSearchParams(window.location.search).get('agent') ?? undefined);
  const [mode, setMode] = useState<PermissionMode>('safe');
  const [runtime, setRuntime] = useState<RunRuntime>('spec');
  const [model, setModel] = useState('');
  const project = useAgentDetail(projectId);
  const detail = projectId ? project.data : undefined;
  const agentName = detail?.project.name ?? 'the agent';
  const agentRoles = useMemo(() => new Map((detail?.latest.spec.agents ?? []).map((agent) => [agent.id, agent.role])), [detail]);
  const tools = useMemo(() => specTools(detail?.latest.spec), [detail]);
  const streaming = runsOf(chat.thread).some((run) => run.phase === 'running');
  const lastThreadRun = runsOf(chat.thread).at(-1);
  const lastRun = useRunRecord(lastThreadRun?.runId);
  const lastRuns = useLastRuns(streaming);
  useCrumb(detail?.project.name);
  useEffect(() => () => agentPicker.close(), []);
  useEffect(() => {
    if (!streaming) void queryClient.invalidateQueries({ queryKey: ['runs'] });
  }, [streaming, queryClient]);

  const selectAgent = useCallback(
    (id: string) => {
      chat.reset();
      setProjectId(id);
      window.history.replaceState(null, '', `/test?agent=${encodeURIComponent(id)}`);
    },
    [chat],
  );
  const openSession = (id: string) =>
    chat.open(id).then(
      (info) => {
        setProjectId(info.projectId);
        setMode(info.permissionMode);
        setRuntime(info.runtime);
        setModel(info.model ? `${info.model.provider}::${info.model.id}` : '');
      },
      (error: unknown) => toast.show('error', `The session did not open: ${messageOf(error)}`),
    );
  const loadFile = async (file: File) => {
    // The spec schema (zod) loads only when someone loads a file.
    const { loadProjectFile } = await import('./load-spec-file');
    const loaded = await loadProjectFile(file, {
      createFromSpec: (spec) => api.projects.create({ spec }),
      importZip: (zip) => importProjectZip(zip, { csrfToken: () => sessionStore.csrfToken(), onUnauthenticated: () => sessionStore.expire() }),
    });
    if (!loaded.ok) return toast.show('error', loaded.message);
    await queryClient.invalidateQueries({ queryKey: ['projects'] });
    selectAgent(loaded.project.id);
    toast.show('success', `${loaded.project.name} loaded from ${file.name}.`);
  };
  const send = (text: string, enabled: ReadonlyArray<string> | undefined) => {
    if (!projectId) return Promise.resolve();
    const chosen = models.data?.find((option) => option.value === model)?.model ?? null;
    // Both runtimes follow the choice of tools (a generated project through its tool wrapper).
    return chat.send(text, { projectId, runtime, permissionMode: mode, model: chosen, tools: enabled });
  };
  const stop = () => void chat.stop().catch((error: unknown) => toast.show('error', `The run did not stop: ${messageOf(error)}`));
  const trace = async () => {
    const latest = runsOf(chat.thread).at(-1);
    if (!latest) return;
    const events = await loadRunEvents(latest.runId);
    downloadText({ name: `run-${latest.runId}.json`, text: `${JSON.stringify(events, null, 2)}\n`, type: 'application/json' });
  };

  return (
    <div className="ag-test">
      <AgentRail
        projects={agents.data?.items}
        lastRuns={lastRuns.data}
        sessions={sessions.data?.items}
        selectedProjectId={projectId}
        selectedSessionId={chat.session?.id}
        onSelectAgent={selectAgent}
        onOpenSession={(id) => void openSession(id)}
        onLoadFile={(file) => void loadFile(file)}
        formatTime={format.dateTime}
      />
      <section className="ag-test__center" aria-label="Chat">
        <div className="ag-test__head">
          <h1>{detail ? detail.project.name : 'Test an agent'}</h1>
          <span className="ag-spacer" />
          {chat.status === 'reconnecting' && <span className="ag-muted" role="status">Reconnecting…</span>}
          <button type="button" className="ag-button ag-button--small" onClick={agentPicker.open}>
            Pick agent <kbd className="ag-kbd">{isMac ? '⌘P' : 'Ctrl P'}</kbd>
          </button>
        </div>
        {chat.error && (
          <p role="alert" className="ag-chat__error">
            {chat.error.message}
          </p>
        )}
        {projectId ? (
          <ChatThread thread={chat.thread} agentName={agentName} agentRoles={agentRoles} pendingInput={chat.pendingInput} onAnswer={chat.answer} />
        ) : (
          <div className="ag-chat__thread">
            <p className="ag-muted ag-chat__hint">Pick an agent from the list or press {isMac ? '⌘P' : 'Ctrl+P'}. Its real agents, tasks and tools run on the model configured in Settings → Providers.</p>
          </div>
        )}
        <Composer
          disabled={!projectId}
          streaming={streaming || chat.pendingInput !== undefined}
          models={models.data}
          model={model}
          onModel={setModel}
          tools={tools}
          sessionId={chat.session?.id}
          agentId={projectId}
          onSend={send}
          onStop={stop}
        />
      </section>
      <Inspector
        project={detail}
        thread={chat.thread}
        mode={mode}
        sessionMode={chat.session?.permissionMode}
        onMode={setMode}
        runtime={runtime}
        sessionRuntime={chat.session?.runtime}
        onRuntime={setRuntime}
        lastRunTools={runToolsLabel(lastThreadRun?.specTools ?? tools, lastRun.data?.tools)}
        onTrace={() => void trace().catch((error: unknown) => toast.show('error', `The trace was not downloaded: ${messageOf(error)}`))}
        onExport={() => downloadText({ name: `${detail?.project.slug ?? 'conversation'}.md`, text: threadMarkdown(chat.thread, { agentName }), type: 'text/markdown' })}
      />
      {pickerOpen && <AgentPicker projects={agents.data?.items ?? []} onPick={selectAgent} onClose={agentPicker.close} />}
    </div>
  );
}
