import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { FileTree, ProjectSpec } from '@agent-generator/contracts';
import { restoreProjectSpec } from '@agent-generator/contracts';
import { afterAll, describe, expect, it } from 'vitest';
import { fixtureSpec } from '../../test-fixtures';
import { renderPythonProject } from '../python-project';

const HOSTILE = 'Evil """ \'\'\' \\ \\n "\n# Heading\n<script>alert(1)</script> `x` ${y} {z}\u2028import os\tend';

// No model: the stub answers from its inputs, so serve mode is tested without a network.
const STUB_MAIN = `"""Stub agents: echo the inputs."""
def run(inputs):
    return "answer for " + inputs["topic"] + " / " + inputs["audience"]
`;

// Calls a served project with the standard library and prints what it saw, as JSON.
const PROBE = String.raw`
import http.client, json, sys
from paper_digest.__main__ import complete_inputs
from paper_digest.serve import make_server, make_service, serve_in_thread

server = make_server("127.0.0.1", 0, make_service(complete_inputs))
serve_in_thread(server)
port = server.server_address[1]

def call(method, path, body=None, headers=None):
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    connection.request(method, path, body=None if body is None else json.dumps(body), headers={"Content-Type": "application/json", **(headers or {})})
    response = connection.getresponse()
    payload = response.read()
    connection.close()
    return response.status, dict(response.getheaders()), json.loads(payload) if payload and not payload.startswith(b"data:") else payload.decode()

chat = {"messages": [{"role": "user", "content": "graphs"}], "metadata": {"audience": "students", "other": "ignored"}}
init = {"jsonrpc": "2.0", "id": 1, "method": "initialize", "params": {"protocolVersion": "2099-01-01", "capabilities": {}, "clientInfo": {"name": "probe", "version": "1"}}}
_, headers, initialized = call("POST", "/mcp", init)
session = {"Mcp-Session-Id": headers["Mcp-Session-Id"], "Accept": "application/json"}
out = {
    "health": call("GET", "/health")[2],
    "origins": [call("GET", "/health", headers={"Origin": origin})[0] for origin in ("https://app.example", "https://evil.example", "http://127.0.0.1:3000")],
    "chat": call("POST", "/v1/chat/completions", chat)[2],
    "chatMissingInput": call("POST", "/v1/chat/completions", {"messages": [{"role": "user", "content": "graphs"}]})[:3:2],
    "card": call("GET", "/.well-known/agent-card.json", headers={"Host": "agents.example:9000"})[2],
    "mcpInit": initialized["result"],
    "mcpTools": call("POST", "/mcp", {"jsonrpc": "2.0", "id": 2, "method": "tools/list"}, session)[2]["result"],
    "mcpCall": call("POST", "/mcp", {"jsonrpc": "2.0", "id": 3, "method": "tools/call", "params": {"name": "paper-digest", "arguments": {"audience": "kids"}}}, session)[2]["result"],
    "mcpUnknownTool": call("POST", "/mcp", {"jsonrpc": "2.0", "id": 4, "method": "tools/call", "params": {"name": "other"}}, session)[2]["error"]["code"],
    "a2a": call("POST", "/a2a", {"jsonrpc": "2.0", "id": "x", "method": "SendMessage", "params": {"message": {"messageId": "m", "role": "ROLE_USER", "parts": [{"data": {"topic": "data part", "audience": "all"}}]}}})[2]["result"]["task"]["artifacts"][0]["parts"][0]["text"],
}
server.shutdown()
print(json.dumps(out))
`;

// With AGENT_API_KEY set, only /health and the agent card answer without the bearer token.
const AUTH_PROBE = String.raw`
import http.client, json
from paper_digest.__main__ import complete_inputs
from paper_digest.serve import make_server, make_service, serve_in_thread

server = make_server("127.0.0.1", 0, make_service(complete_inputs))
serve_in_thread(server)

def status(path, token=None):
    connection = http.client.HTTPConnection("127.0.0.1", server.server_address[1], timeout=30)
    connection.request("GET", path, headers={"Authorization": "Bearer " + token} if token else {})
    response = connection.getresponse()
    body = response.read()
    return response.status, json.loads(body)

card = status("/.well-known/agent-card.json")
print(json.dumps([status("/health")[0], card[0], card[1].get("securitySchemes"), status("/v1/models")[0], status("/v1/models", "wrong")[0], status("/v1/models", "s3cret")[0]]))
server.shutdown()
`;

function hostileSpec(): ProjectSpec {
  const base = fixtureSpec({ framework: 'crewai', pattern: 'sequential', tools: ['calculator'] });
  const result = restoreProjectSpec({
    ...base,
    name: HOSTILE.slice(0, 120),
    idea: HOSTILE,
    tasks: base.tasks.map((task) => ({ ...task, description: HOSTILE, expectedOutput: HOSTILE })),
    inputs: [{ name: 'topic', description: HOSTILE, default: HOSTILE }, { name: 'audience', description: HOSTILE }],
  });
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  return result.spec;
}

const root = mkdtempSync(join(tmpdir(), 'service-files-'));

function writeProject(tree: FileTree): string {
  for (const file of tree) {
    mkdirSync(dirname(join(root, file.path)), { recursive: true });
    writeFileSync(join(root, file.path), file.content);
  }
  return root;
}

describe('serve mode files', () => {
  const spec = hostileSpec();
  const tree = renderPythonProject({ spec, frameworkLabel: 'Stub', dependencies: [], files: [{ path: 'src/paper_digest/main.py', content: STUB_MAIN }], readme: { overview: 'Stub.', layout: [] } });
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('adds the server modules, service info and their tests to every Python project', () => {
    const paths = tree.map((file) => file.path);
    for (const name of ['events', 'serve', 'serve_a2a', 'serve_http', 'serve_mcp', 'serve_openai', 'serve_runner', 'service_info']) expect(paths).toContain(`src/paper_digest/${name}.py`);
    expect(paths).toEqual(expect.arrayContaining(['tests/test_events.py', 'tests/test_serve.py']));
  });

  it('serves hostile spec text as data on every protocol (stdlib client, stub agents)', () => {
    const dir = writeProject(tree);
    const probe = spawnSync('python3', ['-c', PROBE], { cwd: dir, encoding: 'utf8', env: { ...process.env, PYTHONPATH: join(dir, 'src'), PYTHONDONTWRITEBYTECODE: '1', AGENT_API_KEY: '', AGENT_ALLOWED_ORIGINS: 'https://app.example/, https://other.example' } });
    expect(probe.stderr).not.toMatch(/Traceback/);
    const out = JSON.parse(probe.stdout) as Record<string, unknown>;
    expect(out.health).toEqual({ status: 'ok' });
    expect(out.origins).toEqual([200, 403, 200]);
    expect(out.chat).toMatchObject({ object: 'chat.completion', model: 'paper-digest', choices: [{ message: { role: 'assistant', content: 'answer for graphs / students' }, finish_reason: 'stop' }] });
    expect(out.chatMissingInput).toEqual([400, { error: { message: "missing input 'audience': pass TEXT or --input audience=...", type: 'invalid_request_error', param: null, code: 'invalid_input' } }]);
    expect(out.card).toMatchObject({
      name: spec.name,
      description: spec.idea,
      supportedInterfaces: [{ url: 'http://agents.example:9000/a2a', protocolBinding: 'JSONRPC', protocolVersion: '1.0' }],
      skills: spec.tasks.map((task) => ({ id: task.id, description: `${HOSTILE}\n\nExpected output: ${HOSTILE}`, tags: [task.agent, 'crewai', 'sequential'] })),
    });
    expect(out.mcpInit).toMatchObject({ protocolVersion: '2025-11-25', serverInfo: { name: 'paper-digest', title: spec.name } });
    expect(out.mcpTools).toEqual({
      tools: [expect.objectContaining({ name: 'paper-digest', inputSchema: { type: 'object', properties: { topic: { type: 'string', description: HOSTILE, default: HOSTILE }, audience: { type: 'string', description: HOSTILE } }, required: ['audience'], additionalProperties: false } })],
    });
    expect(out.mcpCall).toEqual({ content: [{ type: 'text', text: `answer for ${HOSTILE} / kids` }], isError: false });
    expect(out.mcpUnknownTool).toBe(-32602);
    expect(out.a2a).toBe('answer for data part / all');
  });

  it('asks for the bearer token AGENT_API_KEY on every endpoint but /health and the agent card', () => {
    const dir = writeProject(tree);
    const probe = spawnSync('python3', ['-c', AUTH_PROBE], { cwd: dir, encoding: 'utf8', env: { ...process.env, PYTHONPATH: join(dir, 'src'), PYTHONDONTWRITEBYTECODE: '1', AGENT_API_KEY: 's3cret' } });
    expect(JSON.parse(probe.stdout)).toEqual([200, 200, { bearer: { httpAuthSecurityScheme: { scheme: 'Bearer' } } }, 401, 401, 200]);
  });
});
