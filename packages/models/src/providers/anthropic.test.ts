import { createLoopbackAnthropic, countTokens } from '@agent-generator/testing';
import { expect, it } from 'vitest';
import { describeAgentModelConformance } from '../conformance/agent-model-conformance';
import { createAgentModel } from '../create-agent-model';

describeAgentModelConformance({
  name: 'anthropic',
  start: async ({ script, serverKey, clientKey }) => {
    const server = await createLoopbackAnthropic({ apiKey: serverKey, ...(script === undefined ? {} : { script }) });
    return { server, settings: { provider: 'anthropic', model: 'claude-loopback', baseUrl: server.url, apiKey: clientKey } };
  },
  credentialHeader: 'x-api-key',
  resultMatchId: (callId) => callId,
  assertToolResultSent: (body, options) => {
    const messages = (body as { messages: Array<{ role: string; content: unknown }> }).messages;
    expect(messages.find((message) => message.role === 'assistant')?.content).toEqual([{ type: 'tool_use', id: options.callId, name: options.toolName, input: { city: 'Paris', days: 2 } }]);
    const last = messages.at(-1);
    expect(last?.role).toBe('user');
    expect(last?.content).toEqual([expect.objectContaining({ type: 'tool_result', tool_use_id: options.callId })]);
    expect(JSON.stringify(last?.content)).toContain(JSON.stringify(options.content).slice(1, -1));
  },
  countTokens,
  reportsRetryAfter: true,
  listedModels: ['claude-loopback'],
});

it('sends the system prompt, tools as input_schema and the anthropic-version header', async () => {
  const server = await createLoopbackAnthropic({ script: [{ reply: { text: 'ok' } }] });
  try {
    const model = createAgentModel({ provider: 'anthropic', model: 'claude-loopback', baseUrl: server.url, apiKey: 'anthropic-key', maxRetries: 0 });
    const tool = { name: 'search', description: 'Search the web', parameters: { type: 'object', properties: { query: { type: 'string' } } } };
    for await (const part of model.stream({ messages: [{ role: 'system', content: 'Be brief.' }, { role: 'user', content: 'hi' }], tools: [tool], maxOutputTokens: 64 })) expect(part).toBeDefined();
    const request = server.requests[0]!;
    expect(request.headers['anthropic-version']).toBe('2023-06-01');
    expect(request.body).toMatchObject({ system: [{ type: 'text', text: 'Be brief.' }], max_tokens: 64, stream: true, tools: [{ name: 'search', description: 'Search the web', input_schema: tool.parameters }] });
  } finally {
    await server.close();
  }
});
