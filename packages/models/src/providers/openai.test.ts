import { createLoopbackAzureOpenAi, createLoopbackModelServer, countTokens } from '@agent-generator/testing';
import { expect, it } from 'vitest';
import { createAgentModel } from '../create-agent-model';
import { describeAgentModelConformance } from '../conformance/agent-model-conformance';
import type { ProviderHarness } from '../conformance/provider-harness';
import type { ProviderKind } from '../provider-settings';

/** OpenAI's chat format: the assistant's tool_calls, then a `tool` message with tool_call_id. */
function assertOpenAiToolResult(body: unknown, options: { readonly callId: string; readonly toolName: string; readonly content: string }): void {
  const messages = (body as { messages: Array<Record<string, unknown>> }).messages;
  expect(messages.find((message) => message.role === 'assistant')).toMatchObject({ tool_calls: [{ id: options.callId, type: 'function', function: { name: options.toolName } }] });
  expect(messages.at(-1)).toEqual({ role: 'tool', tool_call_id: options.callId, content: options.content });
}

function openAiStyleHarness(provider: ProviderKind, baseUrl: (server: { url: string; origin: string }) => string): ProviderHarness {
  return {
    name: provider,
    start: async ({ script, serverKey, clientKey }) => {
      const server = await createLoopbackModelServer({ apiKey: serverKey, ...(script === undefined ? {} : { script }) });
      return { server, settings: { provider, model: 'loopback-model', baseUrl: baseUrl(server), apiKey: clientKey } };
    },
    credentialHeader: 'authorization',
    resultMatchId: (callId) => callId,
    assertToolResultSent: assertOpenAiToolResult,
    countTokens,
  reportsRetryAfter: true,
    listedModels: ['loopback-model'],
  };
}

describeAgentModelConformance(openAiStyleHarness('openai', (server) => server.url));
describeAgentModelConformance(openAiStyleHarness('openai-compatible', (server) => server.url));
// Ollama's base URL is usually given without /v1 (OLLAMA_BASE_URL=http://127.0.0.1:11434).
describeAgentModelConformance(openAiStyleHarness('ollama', (server) => server.origin));
describeAgentModelConformance(openAiStyleHarness('ollabridge', (server) => server.url));

// Azure OpenAI: the same chat protocol at {endpoint}/openai/deployments/{deployment}/chat/completions?api-version=…, key in `api-key`.
describeAgentModelConformance({
  name: 'azure-openai',
  start: async ({ script, serverKey, clientKey }) => {
    const server = await createLoopbackAzureOpenAi({ apiKey: serverKey, deployments: ['gpt-4o-prod'], ...(script === undefined ? {} : { script }) });
    return { server, settings: { provider: 'azure-openai', model: 'gpt-4o-prod', baseUrl: server.url, apiKey: clientKey } };
  },
  credentialHeader: 'api-key',
  resultMatchId: (callId) => callId,
  assertToolResultSent: assertOpenAiToolResult,
  countTokens,
  reportsRetryAfter: true,
  listedModels: undefined,
});

it('calls Azure at the deployment URL with api-version and the api-key header, never Bearer', async () => {
  const server = await createLoopbackAzureOpenAi({ apiKey: 'azure-key-123456', script: [{ reply: { text: 'hi' } }] });
  try {
    const model = createAgentModel({ provider: 'azure-openai', model: 'gpt-4o-prod', baseUrl: `${server.url}/`, apiKey: 'azure-key-123456', apiVersion: '2024-10-21', maxRetries: 0 });
    for await (const part of model.stream({ messages: [{ role: 'user', content: 'hello' }] })) expect(part.type).not.toBe('error');
    const request = server.requests[0]!;
    expect(request.path).toBe('/openai/deployments/gpt-4o-prod/chat/completions');
    expect(request.headers['api-key']).toBe('[redacted]');
    expect(request.headers.authorization).toBeUndefined();
  } finally {
    await server.close();
  }
});
