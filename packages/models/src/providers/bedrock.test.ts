import { createLoopbackBedrock, countTokens } from '@agent-generator/testing';
import { expect, it } from 'vitest';
import { describeAgentModelConformance } from '../conformance/agent-model-conformance';
import { createAgentModel } from '../create-agent-model';

const ACCESS_KEY_ID = 'AKIDLOOPBACKEXAMPLE';
// The colon in real Bedrock model ids is percent-encoded in the path and signed double-encoded.
const MODEL = 'anthropic.claude-3-5-haiku-20241022-v1:0';

describeAgentModelConformance({
  name: 'bedrock',
  start: async ({ script, serverKey, clientKey }) => {
    const server = await createLoopbackBedrock({ credentials: { accessKeyId: ACCESS_KEY_ID, secretAccessKey: serverKey }, region: 'eu-central-1', ...(script === undefined ? {} : { script }) });
    return { server, settings: { provider: 'bedrock', model: MODEL, region: 'eu-central-1', baseUrl: server.url, accessKeyId: ACCESS_KEY_ID, secretAccessKey: clientKey } };
  },
  credentialHeader: 'authorization',
  resultMatchId: (callId) => callId,
  assertToolResultSent: (body, options) => {
    const messages = (body as { messages: Array<{ role: string; content: unknown }> }).messages;
    expect(messages.find((message) => message.role === 'assistant')?.content).toEqual([{ toolUse: { toolUseId: options.callId, name: options.toolName, input: { city: 'Paris', days: 2 } } }]);
    expect(messages.at(-1)).toEqual({ role: 'user', content: [{ toolResult: { toolUseId: options.callId, content: [{ text: options.content }] } }] });
  },
  countTokens,
  reportsRetryAfter: false,
  listedModels: undefined,
});

it('signs for the configured region and sends tools as toolConfig.toolSpec', async () => {
  const server = await createLoopbackBedrock({ credentials: { accessKeyId: ACCESS_KEY_ID, secretAccessKey: 'bedrock-secret' }, region: 'us-west-2', script: [{ reply: { text: 'ok' } }] });
  try {
    const settings = { provider: 'bedrock', model: MODEL, region: 'us-east-1', baseUrl: server.url, accessKeyId: ACCESS_KEY_ID, secretAccessKey: 'bedrock-secret', maxRetries: 0 } as const;
    const wrongRegion = createAgentModel(settings).stream({ messages: [{ role: 'user', content: 'hi' }] });
    await expect(wrongRegion[Symbol.asyncIterator]().next()).rejects.toMatchObject({ code: 'unauthenticated' });
    const tool = { name: 'search', description: 'Search', parameters: { type: 'object', properties: { query: { type: 'string' } } } };
    for await (const part of createAgentModel({ ...settings, region: 'us-west-2' }).stream({ messages: [{ role: 'user', content: 'hi' }], tools: [tool] })) expect(part).toBeDefined();
    expect(server.requests.at(-1)?.path).toBe(`/model/${encodeURIComponent(MODEL)}/converse-stream`);
    expect(server.requests.at(-1)?.body).toMatchObject({ toolConfig: { tools: [{ toolSpec: { name: 'search', description: 'Search', inputSchema: { json: tool.parameters } } }] } });
  } finally {
    await server.close();
  }
});
