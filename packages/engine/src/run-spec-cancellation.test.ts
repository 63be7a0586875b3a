import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { createApprovals } from './approvals';
import { collectRun, makeSpec, modelFor, ofType, useLoopback } from './run-harness.test-support';

const start = useLoopback();
const servers: Server[] = [];
afterEach(() => {
  for (const server of servers.splice(0)) server.close();
});

describe('Stop', () => {
  it('ends a streaming run within 200 ms and marks it cancelled', async () => {
    const server = await start({ script: [{ reply: { text: 'slow '.repeat(100), chunkDelayMs: 50 } }] });
    const controller = new AbortController();
    let abortedAt = 0;
    let endedAt = 0;
    const events = await collectRun({ spec: makeSpec(), model: modelFor(server), input: 'hi', signal: controller.signal }, (event) => {
      if (event.type === 'text-delta' && abortedAt === 0) {
        abortedAt = performance.now();
        controller.abort();
      }
      if (event.type === 'run-end') endedAt = performance.now();
    });
    expect(endedAt - abortedAt).toBeLessThan(200);
    expect(events.at(-1)).toMatchObject({ type: 'run-end', status: 'cancelled' });
    expect(ofType(events, 'text-delta').length).toBeLessThan(5);
  });

  it('aborts a tool that is waiting on the network', async () => {
    let requestClosed: () => void = () => undefined;
    const closed = new Promise<void>((resolve) => (requestClosed = resolve));
    const slow = createServer((request) => request.on('close', () => requestClosed()));
    servers.push(slow);
    await new Promise<void>((resolve) => slow.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(slow.address() as AddressInfo).port}/slow`;
    const model = await start({ script: [{ reply: { toolCalls: [{ name: 'http_request', arguments: { url } }] } }] });
    const spec = makeSpec({ tools: [{ id: 'http_request' }], agents: [{ id: 'researcher', role: 'R', goal: 'G', backstory: '', tools: ['http_request'] }] });
    const controller = new AbortController();
    let abortedAt = 0;
    const events = await collectRun({ spec, model: modelFor(model), input: 'hi', signal: controller.signal, tools: { allowPrivateNetwork: true } }, (event) => {
      if (event.type === 'tool-call-start') {
        setTimeout(() => {
          abortedAt = performance.now();
          controller.abort();
        }, 100);
      }
    });
    await closed;
    expect(performance.now() - abortedAt).toBeLessThan(1_000);
    expect(events.at(-1)).toMatchObject({ type: 'run-end', status: 'cancelled' });
  });

  it('does not call the model when the signal is already aborted', async () => {
    const server = await start({ script: [] });
    const events = await collectRun({ spec: makeSpec(), model: modelFor(server), input: 'hi', signal: AbortSignal.abort() });
    expect(events.map((event) => event.type)).toEqual(['run-start', 'run-end']);
    expect(events.at(-1)).toMatchObject({ status: 'cancelled' });
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(server.requests).toHaveLength(0);
  });

  it('ends a run that is waiting for an approval', async () => {
    const model = await start({ script: [{ reply: { toolCalls: [{ name: 'file_write', arguments: { path: 'a.txt', content: 'x' } }] } }] });
    const spec = makeSpec({ tools: [{ id: 'file_write' }], agents: [{ id: 'researcher', role: 'R', goal: 'G', backstory: '', tools: ['file_write'] }] });
    const controller = new AbortController();
    const events = await collectRun({ spec, model: modelFor(model), input: 'hi', signal: controller.signal, permissionMode: 'ask', approvals: createApprovals() }, (event) => {
      if (event.type === 'approval-request') controller.abort();
    });
    expect(events.slice(-2).map((event) => event.type)).toEqual(['approval-request', 'run-end']);
    expect(events.at(-1)).toMatchObject({ status: 'cancelled' });
  });
});
