import { createLoopbackWatsonx, countTokens } from '@agent-generator/testing';
import { expect, it } from 'vitest';
import { describeAgentModelConformance } from '../conformance/agent-model-conformance';
import { createAgentModel } from '../create-agent-model';

describeAgentModelConformance({
  name: 'watsonx',
  start: async ({ script, serverKey, clientKey }) => {
    const server = await createLoopbackWatsonx({ apiKey: serverKey, ...(script === undefined ? {} : { script }) });
    return { server, settings: { provider: 'watsonx', model: 'ibm/granite-loopback', baseUrl: server.url, iamUrl: server.iamUrl, apiKey: clientKey, project: 'project-1' } };
  },
  credentialHeader: 'authorization',
  resultMatchId: (callId) => callId,
  assertToolResultSent: (body, options) => {
    const messages = (body as { messages: Array<Record<string, unknown>> }).messages;
    expect(messages.find((message) => message.role === 'assistant')).toMatchObject({ tool_calls: [{ id: options.callId, type: 'function', function: { name: options.toolName } }] });
    expect(messages.at(-1)).toEqual({ role: 'tool', tool_call_id: options.callId, content: options.content });
  },
  countTokens,
  reportsRetryAfter: true,
  listedModels: ['ibm/granite-loopback'],
});

it('exchanges the key at IAM once, then sends version, project_id and the bearer token', async () => {
  const server = await createLoopbackWatsonx({ apiKey: 'ibm-cloud-key', script: [{ reply: { text: 'one' } }, { reply: { text: 'two' } }] });
  try {
    const model = createAgentModel({ provider: 'watsonx', model: 'ibm/granite-loopback', baseUrl: server.url, iamUrl: server.iamUrl, apiKey: 'ibm-cloud-key', project: 'project-1', apiVersion: '2025-02-11' });
    for (let turn = 0; turn < 2; turn += 1) for await (const part of model.stream({ messages: [{ role: 'user', content: 'hi' }] })) expect(part).toBeDefined();
    expect(server.requests.map((request) => request.path)).toEqual(['/identity/token', '/ml/v1/text/chat_stream', '/ml/v1/text/chat_stream']);
    expect(server.requests[0]?.body).toBe('grant_type=urn%3Aibm%3Aparams%3Aoauth%3Agrant-type%3Aapikey&apikey=%5Bredacted%5D');
    expect(server.requests[1]?.body).toMatchObject({ model_id: 'ibm/granite-loopback', project_id: 'project-1' });
    expect(server.requests[1]?.headers.authorization).toBe('[redacted]');
  } finally {
    await server.close();
  }
});
