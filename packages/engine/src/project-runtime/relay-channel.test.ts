import type { RunEvent } from '@agent-generator/contracts';
import { describe, expect, it } from 'vitest';
import { createRedactor } from './redact';
import { RelayChannel } from './relay-channel';

const at = '2020-01-01T00:00:00.000Z';
function channel(): RelayChannel {
  return new RelayChannel({ runId: 'ours', redact: createRedactor('sk-key'), now: () => new Date(at), start: () => ({ type: 'run-start', project: 'p', framework: 'f', pattern: 'react', input: 'hi' }) });
}
async function drain(relay: RelayChannel): Promise<RunEvent[]> {
  const events: RunEvent[] = [];
  for await (const event of relay) events.push(event);
  return events;
}

describe('RelayChannel', () => {
  it('re-stamps the project events with our run id and a gap-free seq, drops repeats and anything after the end', async () => {
    const relay = channel();
    relay.relay({ type: 'run-start', runId: 'theirs', seq: 7, at, project: 'p', framework: 'f', pattern: 'react', input: 'x' });
    relay.relay({ type: 'run-start', runId: 'theirs', seq: 8, at, project: 'p', framework: 'f', pattern: 'react', input: 'y' });
    relay.relay({ type: 'text-delta', runId: 'theirs', seq: 12, at, delta: 'key sk-key' });
    relay.relay({ type: 'run-end', runId: 'theirs', seq: 13, at, status: 'succeeded', output: 'done' });
    relay.relay({ type: 'text-delta', runId: 'theirs', seq: 14, at, delta: 'late' });
    relay.finish({ type: 'run-end', status: 'cancelled' });
    const events = await drain(relay);
    expect(events.map((event) => [event.type, event.runId, event.seq])).toEqual([
      ['run-start', 'ours', 0],
      ['text-delta', 'ours', 1],
      ['run-end', 'ours', 2],
    ]);
    expect(events[1]).toMatchObject({ delta: 'key [redacted]' });
    expect(events[2]).toMatchObject({ status: 'succeeded', output: 'done' });
  });

  it('opens with its own run-start when the project never sent one', async () => {
    const relay = channel();
    relay.finish({ type: 'run-error', code: 'project_failed', message: 'boom' });
    const events = await drain(relay);
    expect(events).toEqual([
      { type: 'run-start', runId: 'ours', seq: 0, at, project: 'p', framework: 'f', pattern: 'react', input: 'hi' },
      { type: 'run-error', runId: 'ours', seq: 1, at, code: 'project_failed', message: 'boom' },
    ]);
  });
});
