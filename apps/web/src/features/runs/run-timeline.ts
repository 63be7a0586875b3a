// A run's steps and tool calls as a timeline, built from its events: what ran (and on which model),
// in which order, how long it took and how it ended, with the run's model notices. Pure.
import type { RunEvent } from '@agent-generator/contracts';

export type EntryStatus = 'running' | 'ok' | 'err' | 'warn';

export interface TimelineEntry {
  readonly id: string;
  readonly kind: 'run' | 'notice' | 'step' | 'tool' | 'approval';
  readonly label: string;
  readonly detail: string | undefined;
  readonly at: string;
  readonly durationMs: number | undefined;
  readonly status: EntryStatus;
  /** 0 for the run and its steps, 1 for what happens inside a step (and the run's notices). */
  readonly depth: 0 | 1;
  /** The model a step's agent ran on ("provider/model"). */
  readonly model?: string;
}

const between = (from: string, to: string) => Math.max(0, Date.parse(to) - Date.parse(from));

export function buildTimeline(events: ReadonlyArray<RunEvent>): ReadonlyArray<TimelineEntry> {
  const entries: TimelineEntry[] = [];
  const index = new Map<string, number>();
  const open = (entry: TimelineEntry) => {
    index.set(entry.id, entries.length);
    entries.push(entry);
  };
  const close = (id: string, change: Partial<TimelineEntry>) => {
    const position = index.get(id);
    const entry = position === undefined ? undefined : entries[position];
    if (position !== undefined && entry) entries[position] = { ...entry, ...change };
  };
  for (const event of events) {
    switch (event.type) {
      case 'run-start':
        open({ id: 'run', kind: 'run', label: `Run started (${event.framework} · ${event.pattern})`, detail: event.input, at: event.at, durationMs: undefined, status: 'running', depth: 0 });
        (event.notices ?? []).forEach((notice, position) => open({ id: `notice:${position}`, kind: 'notice', label: 'Model', detail: notice, at: event.at, durationMs: undefined, status: 'warn', depth: 1 }));
        break;
      case 'step-start': {
        const label = [event.kind === 'agent' ? 'Agent' : 'Task', event.agent, event.task].filter(Boolean).join(' · ');
        open({ id: `step:${event.stepId}`, kind: 'step', label, detail: undefined, at: event.at, durationMs: undefined, status: 'running', depth: 0, ...(event.model === undefined ? {} : { model: event.model }) });
        break;
      }
      case 'step-end': {
        const started = entries[index.get(`step:${event.stepId}`) ?? -1];
        close(`step:${event.stepId}`, { status: 'ok', durationMs: started ? between(started.at, event.at) : undefined, detail: event.output });
        break;
      }
      case 'tool-call-start':
        open({ id: `tool:${event.callId}`, kind: 'tool', label: `Tool ${event.tool}`, detail: JSON.stringify(event.arguments), at: event.at, durationMs: undefined, status: 'running', depth: 1 });
        break;
      case 'tool-call-end':
        close(`tool:${event.callId}`, { status: event.isError ? 'err' : 'ok', durationMs: event.durationMs });
        break;
      case 'approval-request':
        open({ id: `approval:${event.callId}`, kind: 'approval', label: `Approval asked for ${event.tool}`, detail: JSON.stringify(event.arguments), at: event.at, durationMs: undefined, status: 'warn', depth: 1 });
        break;
      case 'approval-response': {
        const asked = entries[index.get(`approval:${event.callId}`) ?? -1];
        close(`approval:${event.callId}`, { label: `${asked?.label.replace('Approval asked for', event.approved ? 'Approved' : 'Refused') ?? (event.approved ? 'Approved' : 'Refused')}`, status: event.approved ? 'ok' : 'err', durationMs: asked ? between(asked.at, event.at) : undefined });
        break;
      }
      case 'run-end':
      case 'run-error': {
        const started = entries[index.get('run') ?? -1];
        const failed = event.type === 'run-error';
        const label = failed ? `Run failed (${event.code})` : event.status === 'cancelled' ? 'Run cancelled' : 'Run succeeded';
        close('run', { status: failed ? 'err' : event.status === 'cancelled' ? 'warn' : 'ok', durationMs: started ? between(started.at, event.at) : undefined });
        open({ id: 'run-end', kind: 'run', label, detail: failed ? event.message : event.output, at: event.at, durationMs: undefined, status: failed ? 'err' : event.status === 'cancelled' ? 'warn' : 'ok', depth: 0 });
        break;
      }
      case 'text-delta':
      case 'usage':
        break;
    }
  }
  return entries;
}
