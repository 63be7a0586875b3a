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

// Streams with the standard library only; the OpenAI SDK is tested in tests/integration/openai-python-sdk.test.ts.
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

describe('Python clients', () => {
  it.skipIf(!pythonAvailable)('streams to a standard-library Python client', async () => {
    const server = await start({ apiKey: 'sk-py', script: [{ expect: { lastUserMessage: 'from python', stream: true }, reply: { text: 'Hello, Python.' } }] });
    const { stdout } = await run(python, ['-c', STDLIB_CLIENT], { env: { ...process.env, OPENAI_BASE_URL: server.url, OPENAI_API_KEY: 'sk-py' } });
    expect(stdout.trim()).toBe('Hello, Python.');
    server.assertScriptDone();
  });
});
