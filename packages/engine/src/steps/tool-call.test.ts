import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { RunEvent, ToolId } from '@agent-generator/contracts';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createApprovals } from '../approvals';
import { collectRun, makeSpec, modelFor, ofType, useLoopback } from '../run-harness.test-support';

const start = useLoopback();
let workspaceRoot = '';
beforeEach(async () => {
  workspaceRoot = await mkdtemp(join(tmpdir(), 'engine-tool-call-'));
});
afterEach(() => rm(workspaceRoot, { recursive: true, force: true }));

function specWith(tools: ToolId[]) {
  return makeSpec({ tools: tools.map((id) => ({ id })), agents: [{ id: 'researcher', role: 'Researcher', goal: 'Find facts', backstory: '', tools }] });
}

/** The content of the tool message the model received for a call, from what the loopback server recorded. */
function toolMessageSent(body: unknown, callId: string): unknown {
  const messages = (body as { messages: Array<{ role: string; tool_call_id?: string; content: unknown }> }).messages;
  return messages.find((message) => message.role === 'tool' && message.tool_call_id === callId)?.content;
}

const writeScript = (id: string) => [
  { label: 'asks to write', reply: { toolCalls: [{ id, name: 'file_write', arguments: { path: 'notes/out.txt', content: 'written by the agent' } }] } },
  { label: 'answers after the result', expect: { toolResultFor: id }, reply: { text: 'Done.' } },
];

describe('tool calls', () => {
  it('runs the real tool and sends its result back to the model', async () => {
    const server = await start({
      script: [
        { expect: { toolsOffered: ['calculator'] }, reply: { toolCalls: [{ id: 'call_calc', name: 'calculator', arguments: { expression: '(2 + 3) * 4 ^ 2' } }] } },
        { expect: { toolResultFor: 'call_calc' }, reply: { text: 'The answer is 80.' } },
      ],
    });
    const events = await collectRun({ spec: specWith(['calculator']), model: modelFor(server), input: 'compute' });
    expect(toolMessageSent(server.requests[1]?.body, 'call_calc')).toBe('80');
    const offered = (server.requests[0]?.body as { tools: Array<{ function: { name: string; parameters: Record<string, unknown> } }> }).tools;
    expect(offered.map((tool) => tool.function.name)).toEqual(['calculator']);
    expect(offered[0]?.function.parameters).toMatchObject({ type: 'object', required: ['expression'] });
    expect(offered[0]?.function.parameters).not.toHaveProperty('$schema');
    const [started] = ofType(events, 'tool-call-start');
    expect(started).toMatchObject({ callId: 'call_calc', tool: 'calculator', arguments: { expression: '(2 + 3) * 4 ^ 2' } });
    expect(ofType(events, 'tool-call-end')[0]).toMatchObject({ callId: 'call_calc', result: '80', isError: false });
    expect(events.at(-1)).toMatchObject({ type: 'run-end', status: 'succeeded', output: 'The answer is 80.' });
    server.assertScriptDone();
  });

  it('answers a call to an unknown tool with an error the model can read', async () => {
    const server = await start({
      script: [
        { reply: { toolCalls: [{ id: 'call_x', name: 'rm_rf', arguments: {} }] } },
        { expect: { toolResultFor: 'call_x' }, reply: { text: 'Sorry.' } },
      ],
    });
    await collectRun({ spec: specWith(['calculator']), model: modelFor(server), input: 'x' });
    expect(toolMessageSent(server.requests[1]?.body, 'call_x')).toMatch(/no tool "rm_rf".*calculator/);
  });

  it('reports catalog tools the spec runtime does not run as not available, without faking them', async () => {
    const server = await start({
      script: [
        { expect: { toolsOffered: ['email_send'] }, reply: { toolCalls: [{ id: 'call_mail', name: 'email_send', arguments: { to: 'a@example.com' } }] } },
        { expect: { toolResultFor: 'call_mail' }, reply: { text: 'Could not send.' } },
      ],
    });
    await collectRun({ spec: specWith(['email_send']), model: modelFor(server), input: 'x', permissionMode: 'dev' });
    expect(toolMessageSent(server.requests[1]?.body, 'call_mail')).toBe('error: email_send is not available in the spec runtime; run the generated project to use it');
  });
});

describe('permission modes', () => {
  it('Safe refuses a side-effecting call and the model continues', async () => {
    const server = await start({ script: writeScript('call_w') });
    const events = await collectRun({ spec: specWith(['file_write']), model: modelFor(server), input: 'x', permissionMode: 'safe', tools: { workspaceRoot }, runId: 'safe-run' });
    expect(toolMessageSent(server.requests[1]?.body, 'call_w')).toMatch(/refused.*Safe mode/);
    await expect(readFile(join(workspaceRoot, 'safe-run', 'notes/out.txt'), 'utf8')).rejects.toThrow();
    expect(ofType(events, 'approval-request')).toHaveLength(0);
    expect(events.at(-1)).toMatchObject({ type: 'run-end', status: 'succeeded' });
  });

  it('Safe still allows read-only calls', async () => {
    const server = await start({
      script: [
        { reply: { toolCalls: [{ id: 'call_c', name: 'calculator', arguments: { expression: '6*7' } }] } },
        { expect: { toolResultFor: 'call_c' }, reply: { text: '42' } },
      ],
    });
    const events = await collectRun({ spec: specWith(['calculator']), model: modelFor(server), input: 'x', permissionMode: 'safe' });
    expect(ofType(events, 'tool-call-end')[0]).toMatchObject({ result: '42', isError: false });
  });

  it('Dev runs a side-effecting call without asking', async () => {
    const server = await start({ script: writeScript('call_w') });
    await collectRun({ spec: specWith(['file_write']), model: modelFor(server), input: 'x', permissionMode: 'dev', tools: { workspaceRoot }, runId: 'dev-run' });
    expect(await readFile(join(workspaceRoot, 'dev-run', 'notes/out.txt'), 'utf8')).toBe('written by the agent');
  });

  it('Ask waits for approval, then runs the call', async () => {
    const server = await start({ script: writeScript('call_w') });
    const approvals = createApprovals();
    const seen: RunEvent['type'][] = [];
    const events = await collectRun({ spec: specWith(['file_write']), model: modelFor(server), input: 'x', permissionMode: 'ask', approvals, tools: { workspaceRoot }, runId: 'ask-yes' }, (event) => {
      seen.push(event.type);
      if (event.type === 'approval-request') {
        // Nothing has run yet: the model has not been asked again and the file does not exist.
        expect(server.requests).toHaveLength(1);
        setTimeout(() => approvals.respond(event.callId, true), 50);
      }
    });
    expect(ofType(events, 'approval-request')[0]).toMatchObject({ callId: 'call_w', tool: 'file_write', arguments: { path: 'notes/out.txt' } });
    expect(ofType(events, 'approval-response')[0]).toMatchObject({ callId: 'call_w', approved: true });
    expect(seen.slice(seen.indexOf('tool-call-start'), seen.indexOf('tool-call-end') + 1)).toEqual(['tool-call-start', 'approval-request', 'approval-response', 'tool-call-end']);
    expect(await readFile(join(workspaceRoot, 'ask-yes', 'notes/out.txt'), 'utf8')).toBe('written by the agent');
    server.assertScriptDone();
  });

  it('Ask: a refusal reaches the model as the tool result and the run goes on', async () => {
    const server = await start({ script: writeScript('call_w') });
    const approvals = createApprovals();
    const events = await collectRun({ spec: specWith(['file_write']), model: modelFor(server), input: 'x', permissionMode: 'ask', approvals, tools: { workspaceRoot }, runId: 'ask-no' }, (event) => {
      if (event.type === 'approval-request') approvals.respond(event.callId, false);
    });
    expect(toolMessageSent(server.requests[1]?.body, 'call_w')).toMatch(/the user refused this file_write call/);
    expect(ofType(events, 'approval-response')[0]).toMatchObject({ approved: false });
    await expect(readFile(join(workspaceRoot, 'ask-no', 'notes/out.txt'), 'utf8')).rejects.toThrow();
    expect(events.at(-1)).toMatchObject({ type: 'run-end', status: 'succeeded', output: 'Done.' });
  });

  it('Ask: no answer in time counts as a refusal', async () => {
    const server = await start({ script: writeScript('call_w') });
    const events = await collectRun({ spec: specWith(['file_write']), model: modelFor(server), input: 'x', permissionMode: 'ask', approvals: createApprovals(), approvalTimeoutMs: 50, tools: { workspaceRoot } });
    expect(ofType(events, 'approval-response')[0]).toMatchObject({ approved: false });
    expect(toolMessageSent(server.requests[1]?.body, 'call_w')).toMatch(/refused/);
  });

  it('Ask does not ask for read-only calls', async () => {
    const server = await start({
      script: [
        { reply: { toolCalls: [{ id: 'call_c', name: 'calculator', arguments: { expression: '1+1' } }] } },
        { expect: { toolResultFor: 'call_c' }, reply: { text: '2' } },
      ],
    });
    const events = await collectRun({ spec: specWith(['calculator']), model: modelFor(server), input: 'x', permissionMode: 'ask', approvals: createApprovals() });
    expect(ofType(events, 'approval-request')).toHaveLength(0);
  });
});
