// The loopback model server against the official OpenAI Python SDK (from PyPI, in a cached venv):
// a tool call, its result, then a streamed answer, picked up from OPENAI_BASE_URL as a generated
// project would.
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { createLoopbackModelServer, type LoopbackModelServer } from '@agent-generator/testing';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ensureVenv } from './support/python-venv';

const run = promisify(execFile);

const SDK_CLIENT = `
import json
from openai import OpenAI
client = OpenAI(max_retries=0)
first = client.chat.completions.create(model="m", messages=[{"role": "user", "content": "weather in Oslo?"}], tools=[{"type": "function", "function": {"name": "get_weather", "parameters": {"type": "object"}}}])
call = first.choices[0].message.tool_calls[0]
messages = [{"role": "user", "content": "weather in Oslo?"}, first.choices[0].message.model_dump(exclude_none=True), {"role": "tool", "tool_call_id": call.id, "content": "-3"}]
text = "".join((chunk.choices[0].delta.content or "") for chunk in client.chat.completions.create(model="m", messages=messages, stream=True) if chunk.choices)
print(json.dumps({"tool": call.function.name, "arguments": json.loads(call.function.arguments), "text": text}))
`;

let python: string;
let server: LoopbackModelServer | undefined;

beforeAll(async () => {
  python = join(await ensureVenv(['openai>=3,<4']), 'bin', 'python');
}, 600_000);

afterEach(async () => {
  await server?.close();
  server = undefined;
});

describe.skipIf(process.env.AG_SKIP_PYTHON === '1')('the OpenAI Python SDK against the loopback model server', () => {
  it('completes a tool-call round trip and streams the answer', async () => {
    server = await createLoopbackModelServer({
      apiKey: 'sk-py',
      script: [
        { expect: { toolsOffered: ['get_weather'] }, reply: { toolCalls: [{ name: 'get_weather', arguments: { city: 'Oslo' } }] } },
        { expect: { toolResultFor: 'call_1', stream: true }, reply: { text: 'It is -3 °C in Oslo.' } },
      ],
    });
    const { stdout } = await run(python, ['-c', SDK_CLIENT], { env: { ...process.env, OPENAI_BASE_URL: server.url, OPENAI_API_KEY: 'sk-py' } });
    expect(JSON.parse(stdout)).toEqual({ tool: 'get_weather', arguments: { city: 'Oslo' }, text: 'It is -3 °C in Oslo.' });
    server.assertScriptDone();
  });

  it('gets an authentication error the SDK raises for a wrong key', async () => {
    server = await createLoopbackModelServer({ apiKey: 'sk-py', script: [] });
    const client = 'import openai\ntry:\n    openai.OpenAI(max_retries=0).chat.completions.create(model="m", messages=[{"role": "user", "content": "hi"}])\nexcept openai.AuthenticationError as error:\n    print(error.status_code)\n';
    const { stdout } = await run(python, ['-c', client], { env: { ...process.env, OPENAI_BASE_URL: server.url, OPENAI_API_KEY: 'sk-wrong' } });
    expect(stdout.trim()).toBe('401');
  });
});
