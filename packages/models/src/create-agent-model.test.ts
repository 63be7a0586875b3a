import { OperationalError, UserError } from '@agent-generator/contracts';
import { createLoopbackModelServer } from '@agent-generator/testing';
import { expect, it } from 'vitest';
import { createAgentModel, parseProviderSettings } from './create-agent-model';
import { catalogProviderId } from './provider-catalog';
import { PROVIDER_KINDS } from './provider-settings';

it('maps every provider kind to a catalog provider id (Gemini and Vertex share `vertex`)', () => {
  expect(Object.fromEntries(PROVIDER_KINDS.map((kind) => [kind, catalogProviderId(kind)]))).toMatchObject({ gemini: 'vertex', vertex: 'vertex', 'azure-openai': 'azure-openai', watsonx: 'watsonx' });
});

it('names every missing setting and never echoes a secret value', () => {
  const secret = 'aws-secret-value-123456';
  let error: unknown;
  try {
    parseProviderSettings({ provider: 'bedrock', model: 'm', secretAccessKey: secret });
  } catch (caught) {
    error = caught;
  }
  expect(error).toBeInstanceOf(UserError);
  expect((error as UserError).message).toContain('region: AWS Bedrock needs a region');
  expect((error as UserError).message).toContain('access key id');
  expect((error as UserError).message).not.toContain(secret);
  expect(() => parseProviderSettings({ provider: 'watsonx', model: 'm', apiKey: 'k'.repeat(8) })).toThrow(/project id or a space id/);
});

it('passes the caller’s own cancellation through instead of calling it a provider failure', async () => {
  const server = await createLoopbackModelServer({ respond: () => ({ text: 'a b c d e f', chunkDelayMs: 200 }) });
  try {
    const controller = new AbortController();
    const model = createAgentModel({ provider: 'openai-compatible', model: 'loopback-model', baseUrl: server.url, maxRetries: 0 });
    const parts: string[] = [];
    const run = (async () => {
      for await (const part of model.stream({ messages: [{ role: 'user', content: 'go' }], signal: controller.signal })) {
        parts.push(part.type);
        controller.abort(new Error('user pressed stop'));
      }
    })();
    await expect(run).rejects.toThrow('user pressed stop');
    await expect(run).rejects.not.toBeInstanceOf(OperationalError);
    expect(parts).toEqual(['text-delta']);
  } finally {
    await server.close();
  }
});
