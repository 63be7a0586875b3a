import { execFile, execFileSync } from 'node:child_process';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { useLoopbackServers } from './http-test-support';

const run = promisify(execFile);
const start = useLoopbackServers();
const python = process.env.PYTHON ?? 'python3';

function canImport(module: string): boolean {
  try {
    execFileSync(python, ['-c', `import ${module}`], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

const pythonAvailable = canImport('json');
const openaiAvailable = pythonAvailable && canImport('openai');

// Streams with the standard library only, so a non-Node client is tested even without the SDK.
const STDLIB_CLIENT = `
import json, os, urllib.request
body = json.dumps({"model": "m", "stream": True, "messages": [{"role": "user", "content": "hi from python"}]}).encode()
request = urllib.request.Request(os.environ["OPENAI_BASE_URL"] + "/chat/completions", data=body, headers={"content-type": "application/json", "authorization": "Bearer " + os.environ["OPENAI_API_KEY"]})
text = ""
with urllib.request.urlopen(request) as response:
    for line in response:
        line = line.decode().strip()
        if line.startswith("data: ") and line != "data: [DONE]":
            chunk = json.loads(line[len("data: "):])
            text += chunk["choices"][0]["delta"].get("content") or ""
print(text)
`;

// The OpenAI Python SDK picks the server up from OPENAI_BASE_URL, as a generated project would.
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

describe('Python clients', () => {
  it.skipIf(!pythonAvailable)('streams to a standard-library Python client', async () => {
    const server = await start({ apiKey: 'sk-py', script: [{ expect: { lastUserMessage: 'from python', stream: true }, reply: { text: 'Hello, Python.' } }] });
    const { stdout } = await run(python, ['-c', STDLIB_CLIENT], { env: { ...process.env, OPENAI_BASE_URL: server.url, OPENAI_API_KEY: 'sk-py' } });
    expect(stdout.trim()).toBe('Hello, Python.');
    server.assertScriptDone();
  });

  // Skipped when the openai package is not importable: this suite installs nothing into the system
  // Python; the SDK itself is exercised in the generated projects' venvs elsewhere.
  it.skipIf(!openaiAvailable)('serves the OpenAI Python SDK a tool-call round trip (skipped: python3 cannot import openai)', async () => {
    const server = await start({
      script: [
        { expect: { toolsOffered: ['get_weather'] }, reply: { toolCalls: [{ name: 'get_weather', arguments: { city: 'Oslo' } }] } },
        { expect: { toolResultFor: 'call_1', stream: true }, reply: { text: 'It is -3 °C in Oslo.' } },
      ],
    });
    const { stdout } = await run(python, ['-c', SDK_CLIENT], { env: { ...process.env, OPENAI_BASE_URL: server.url, OPENAI_API_KEY: 'sk-py' } });
    expect(JSON.parse(stdout)).toEqual({ tool: 'get_weather', arguments: { city: 'Oslo' }, text: 'It is -3 °C in Oslo.' });
    server.assertScriptDone();
  });
});
