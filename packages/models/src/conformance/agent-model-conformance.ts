// The conformance suite every model provider passes against its loopback server.
import { OperationalError, type AgentMessage, type ModelStreamPart } from '@agent-generator/contracts';
import { afterEach, describe, expect, it } from 'vitest';
import { createAgentModel } from '../create-agent-model';
import { listModels } from '../discovery/list-models';
import { testConnection } from '../discovery/test-connection';
import type { ConformanceServer, ProviderHarness } from './provider-harness';

const KEY = 'test-key-0123456789';
const SECRET = 'sk-VERY-SECRET-9f8e7d6c5b4a';
const WEATHER = { name: 'lookup_weather', description: 'Weather for a city', parameters: { type: 'object', properties: { city: { type: 'string' }, days: { type: 'number' } }, required: ['city'] } };

async function collect(stream: AsyncIterable<ModelStreamPart>): Promise<ModelStreamPart[]> {
  const parts: ModelStreamPart[] = [];
  for await (const part of stream) parts.push(part);
  return parts;
}

async function failureOf(stream: AsyncIterable<ModelStreamPart>): Promise<OperationalError> {
  try {
    await collect(stream);
  } catch (error) {
    if (error instanceof OperationalError) return error;
    throw error;
  }
  throw new Error('expected the stream to fail');
}

export function describeAgentModelConformance(harness: ProviderHarness): void {
  describe(`${harness.name} against its loopback server`, () => {
    const servers: ConformanceServer[] = [];
    afterEach(async () => {
      await Promise.all(servers.splice(0).map((server) => server.close()));
    });
    const start = async (options: Parameters<ProviderHarness['start']>[0]): ReturnType<ProviderHarness['start']> => {
      const started = await harness.start(options);
      servers.push(started.server);
      return started;
    };
    const user: AgentMessage[] = [{ role: 'system', content: 'You are terse.' }, { role: 'user', content: 'Say hello to Ada' }];

    // Chunks spaced in time, so each arrives on its own read (a burst may be read, and merged, at once).
    it('streams text deltas in order, then one finish with usage', async () => {
      const { server, settings } = await start({ serverKey: KEY, clientKey: KEY, script: [{ expect: { lastUserMessage: 'hello to Ada' }, reply: { text: 'Hello there, Ada Lovelace!', chunkDelayMs: 15 } }] });
      const parts = await collect(createAgentModel({ ...settings, maxRetries: 0 }).stream({ messages: user }));
      const deltas = parts.flatMap((part) => (part.type === 'text-delta' ? [part.delta] : []));
      expect(deltas.length).toBeGreaterThan(1);
      expect(deltas.join('')).toBe('Hello there, Ada Lovelace!');
      expect(parts.filter((part) => part.type === 'finish')).toEqual([{ type: 'finish', reason: 'stop', usage: { inputTokens: expect.any(Number), outputTokens: harness.countTokens('Hello there, Ada Lovelace!') } }]);
      expect(parts.at(-1)?.type).toBe('finish');
      expect(server.requests.at(-1)?.headers[harness.credentialHeader]).toBe('[redacted]');
      server.assertScriptDone();
    });

    it('reports a tool call with parsed arguments and does not run it; a second turn sends the result back', async () => {
      const script = [
        { expect: { toolsOffered: ['lookup_weather'] }, reply: { toolCalls: [{ id: 'call_weather_1', name: 'lookup_weather', arguments: { city: 'Paris', days: 2 } }] } },
        { expect: { toolResultFor: harness.resultMatchId('call_weather_1', 'lookup_weather') }, reply: { text: 'It is sunny in Paris.' } },
      ];
      const { server, settings } = await start({ serverKey: KEY, clientKey: KEY, script });
      const model = createAgentModel({ ...settings, maxRetries: 0 });
      const first = await collect(model.stream({ messages: user, tools: [WEATHER] }));
      const calls = first.flatMap((part) => (part.type === 'tool-call' ? [part.call] : []));
      expect(calls).toEqual([{ id: expect.any(String), name: 'lookup_weather', arguments: { city: 'Paris', days: 2 } }]);
      expect(first.at(-1)).toMatchObject({ type: 'finish', reason: 'tool-calls' });
      const call = calls[0];
      if (call === undefined) throw new Error('expected a tool call');
      const second = await collect(
        model.stream({
          messages: [...user, { role: 'assistant', content: '', toolCalls: [call] }, { role: 'tool', toolCallId: call.id, toolName: call.name, content: '{"forecast":"sunny"}' }],
          tools: [WEATHER],
        }),
      );
      expect(second.flatMap((part) => (part.type === 'text-delta' ? [part.delta] : [])).join('')).toBe('It is sunny in Paris.');
      harness.assertToolResultSent(server.requests.at(-1)?.body, { callId: call.id, toolName: call.name, content: '{"forecast":"sunny"}' });
      server.assertScriptDone();
    });

    it('turns a rejected key into `unauthenticated` without the key in message or details', async () => {
      const { settings } = await start({ serverKey: KEY, clientKey: SECRET });
      const error = await failureOf(createAgentModel({ ...settings, maxRetries: 0 }).stream({ messages: user }));
      expect(error.code).toBe('unauthenticated');
      expect(error.message).toMatch(/rejected .* Check Settings → Providers\./);
      expect(`${error.message} ${JSON.stringify(error.details)} ${error.stack ?? ''}`).not.toContain(SECRET);
    });

    it('redacts the key when the provider echoes it in a refusal', async () => {
      const { settings } = await start({ serverKey: SECRET, clientKey: SECRET, script: [{ reply: { error: { status: 400, message: `key ${SECRET} may not use this model` } } }] });
      const error = await failureOf(createAgentModel({ ...settings, maxRetries: 0 }).stream({ messages: user }));
      expect(error.code).toBe('model_error');
      expect(error.message).toContain('may not use this model');
      expect(error.message).not.toContain(SECRET);
    });

    it('maps 429 to `rate_limited`, 500 to `unavailable` and a silent server to a timeout', async () => {
      const script = [{ reply: { error: { status: 429, retryAfter: 7 } } }, { reply: { error: { status: 500 } } }, { reply: { text: 'late', delayMs: 5_000 } }];
      const { settings } = await start({ serverKey: KEY, clientKey: KEY, script });
      const model = createAgentModel({ ...settings, maxRetries: 0, timeoutMs: 400 });
      const limited = await failureOf(model.stream({ messages: user }));
      expect(limited.code).toBe('rate_limited');
      if (harness.reportsRetryAfter) expect(limited.details.retryAfterSeconds).toBe(7);
      const broken = await failureOf(model.stream({ messages: user }));
      expect([broken.code, broken.details.status]).toEqual(['unavailable', 500]);
      const slow = await failureOf(model.stream({ messages: user }));
      expect(slow.code).toBe('unavailable');
      expect(slow.message).toContain('did not answer within 0.4 s');
    });

    it('says a refused connection is unreachable', async () => {
      const { server, settings } = await start({ serverKey: KEY, clientKey: KEY });
      await server.close();
      const error = await failureOf(createAgentModel({ ...settings, maxRetries: 0 }).stream({ messages: user }));
      expect(error.code).toBe('unavailable');
      expect(error.message).toContain('connection refused');
    });

    it('answers the planner through generate()', async () => {
      const { settings } = await start({ serverKey: KEY, clientKey: KEY, script: [{ reply: { text: '{"plan":"ok"}' } }] });
      const response = await createAgentModel({ ...settings, maxRetries: 0 }).generate({ messages: [{ role: 'user', content: 'Plan it' }] });
      expect(response.text).toBe('{"plan":"ok"}');
      expect(response.usage?.outputTokens).toBe(harness.countTokens('{"plan":"ok"}'));
    });

    it('lists models where the provider offers a list, and tests the connection', async () => {
      const { settings } = await start({ serverKey: KEY, clientKey: KEY, script: [{ reply: { text: 'ok' } }] });
      const listing = await listModels(settings);
      if (harness.listedModels === undefined) expect(listing).toMatchObject({ offered: false, message: expect.stringContaining('Enter') });
      else expect(listing.offered && listing.models.map((model) => model.id)).toEqual(harness.listedModels);
      const result = await testConnection(settings);
      expect(result).toMatchObject({ ok: true, message: expect.stringContaining('Connected to') });
      expect(result.latencyMs).toBeGreaterThanOrEqual(0);
      const refused = await testConnection({ ...settings, apiKey: SECRET, maxRetries: 0 });
      expect(refused).toMatchObject({ ok: false, code: 'unauthenticated' });
      expect(refused.message).not.toContain(SECRET);
    });
  });
}
