import { createLoopbackGemini, countTokens } from '@agent-generator/testing';
import { expect, it } from 'vitest';
import { describeAgentModelConformance } from '../conformance/agent-model-conformance';
import type { ProviderHarness } from '../conformance/provider-harness';
import { createAgentModel } from '../create-agent-model';

/** The result is a functionResponse naming the function; Gemini echoes the call id, Vertex (via the SDK) matches by name. */
function assertGeminiToolResult(echoesIds: boolean): ProviderHarness['assertToolResultSent'] {
  return (body, options) => {
    const contents = (body as { contents: Array<{ role: string; parts: Array<Record<string, unknown>> }> }).contents;
    expect(contents.find((content) => content.role === 'model')?.parts).toEqual([expect.objectContaining({ functionCall: expect.objectContaining({ name: options.toolName, args: { city: 'Paris', days: 2 } }) })]);
    const result = contents.at(-1)?.parts.find((part) => 'functionResponse' in part);
    expect(result).toMatchObject({ functionResponse: { name: options.toolName, ...(echoesIds ? { id: options.callId } : {}) } });
    expect(JSON.stringify(result)).toContain(JSON.stringify(options.content).slice(1, -1));
  };
}

describeAgentModelConformance({
  name: 'gemini',
  start: async ({ script, serverKey, clientKey }) => {
    const server = await createLoopbackGemini({ apiKey: serverKey, ...(script === undefined ? {} : { script }) });
    return { server, settings: { provider: 'gemini', model: 'gemini-loopback', baseUrl: server.url, apiKey: clientKey } };
  },
  credentialHeader: 'x-goog-api-key',
  resultMatchId: (callId) => callId,
  assertToolResultSent: assertGeminiToolResult(true),
  countTokens,
  reportsRetryAfter: true,
  listedModels: ['gemini-loopback'],
});

describeAgentModelConformance({
  name: 'vertex (express-mode key)',
  start: async ({ script, serverKey, clientKey }) => {
    const server = await createLoopbackGemini({ apiKey: serverKey, ...(script === undefined ? {} : { script }) });
    return { server, settings: { provider: 'vertex', model: 'gemini-2.0-flash', baseUrl: server.origin, project: 'demo-project', region: 'europe-west4', apiKey: clientKey } };
  },
  credentialHeader: 'x-goog-api-key',
  resultMatchId: (_callId, toolName) => toolName,
  assertToolResultSent: assertGeminiToolResult(false),
  countTokens,
  reportsRetryAfter: true,
  listedModels: undefined,
});

it('calls Vertex at its project/location publisher path and Gemini with alt=sse', async () => {
  const server = await createLoopbackGemini({ script: [{ reply: { text: 'one' } }, { reply: { text: 'two' } }] });
  try {
    const vertex = createAgentModel({ provider: 'vertex', model: 'gemini-2.0-flash', baseUrl: server.origin, project: 'demo-project', region: 'europe-west4', apiKey: 'vertex-key', maxRetries: 0 });
    for await (const part of vertex.stream({ messages: [{ role: 'user', content: 'hi' }] })) expect(part).toBeDefined();
    expect(server.requests[0]?.path).toBe('/v1beta1/projects/demo-project/locations/europe-west4/publishers/google/models/gemini-2.0-flash:streamGenerateContent');
    const gemini = createAgentModel({ provider: 'gemini', model: 'gemini-loopback', baseUrl: server.url, apiKey: 'gemini-key', maxRetries: 0 });
    for await (const part of gemini.stream({ messages: [{ role: 'system', content: 'Be brief.' }, { role: 'user', content: 'hi' }] })) expect(part).toBeDefined();
    expect(server.requests[1]?.path).toBe('/v1beta/models/gemini-loopback:streamGenerateContent');
    expect(server.requests[1]?.body).toMatchObject({ systemInstruction: { parts: [{ text: 'Be brief.' }] } });
  } finally {
    await server.close();
  }
});
