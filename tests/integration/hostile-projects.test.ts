// Issue 3: projects rendered from hostile free text (quotes, escapes, templates, code, control and
// bidi characters, 5 kB of text) still install, pass their own tests, run with live events against
// their own fake model and serve over HTTP — and no user text ever becomes Python code.
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import type { FileTree, FrameworkId, PatternId, ProjectSpec, RunEvent } from '@agent-generator/contracts';
import { RunEventSchema, runEventJsonSchema } from '@agent-generator/contracts';
import { renderProject } from '@agent-generator/renderers';
import { Ajv2020 } from 'ajv/dist/2020';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixtureSpec } from '../../packages/renderers/src/test-fixtures';
import { startFileChecker, type FileChecker } from './support/file-checker';
import { CANARY, hostileSpec } from './support/hostile-spec';
import { ensureVenv, projectRequirements, runInVenv } from './support/python-venv';

const execute = promisify(execFile);
const validate = new Ajv2020({ strict: false }).compile(runEventJsonSchema());
const root = mkdtempSync(join(tmpdir(), 'hostile-projects-'));
const PACKAGE = 'paper_digest'; // the fixture's slug: ids stay identifiers, only free text is hostile

// One supported pattern per framework, plus the supervisor where the framework supports it.
const CASES: ReadonlyArray<{ framework: FrameworkId; patterns: ReadonlyArray<PatternId> }> = [
  { framework: 'crewai', patterns: ['sequential', 'supervisor'] },
  { framework: 'crewai-flow', patterns: ['sequential', 'supervisor'] },
  { framework: 'langgraph', patterns: ['sequential', 'supervisor'] },
  { framework: 'react', patterns: ['react'] },
  { framework: 'autogen', patterns: ['sequential', 'supervisor'] },
  { framework: 'strands', patterns: ['sequential', 'supervisor'] },
  { framework: 'llamaindex', patterns: ['react', 'supervisor'] },
];

// Environment every check gives the project: the fake model, no telemetry, scratch dirs in the project.
const PYTHON_ENV = String.raw`
import json, os, re, subprocess, sys, threading, urllib.request
sys.path.insert(0, "tests")
from fake_llm import FakeLLM

def project_env(server, **extra):
    return {**os.environ, "MODEL_PROVIDER": "openai-compatible", "MODEL_ID": "fake-model", "OPENAI_BASE_URL": server.url,
            "OPENAI_API_KEY": "test", "WORKSPACE_DIR": os.path.abspath("workspace"), "SEARCH_API_URL": "http://127.0.0.1:9",
            "PYTHONPATH": os.path.abspath("src"), "CREWAI_DISABLE_TELEMETRY": "true", "OTEL_SDK_DISABLED": "true",
            "CREWAI_TRACING_ENABLED": "false", "CREWAI_STORAGE_DIR": os.path.abspath("crewai-storage"),
            "AGENT_EVENTS": "", "AGENT_EVENTS_FILE": "", **extra}
`;

// `python -m <pkg> run --events hello` against the project's FakeLLM; events go to a file.
const EVENTS_CHECK = String.raw`${PYTHON_ENV}
target = os.path.abspath("events.jsonl")
if os.path.exists(target):
    os.remove(target)
with FakeLLM() as server:
    env = project_env(server, AGENT_EVENTS_FILE=target, AGENT_MAX_STEPS="4")
    done = subprocess.run([sys.executable, "-m", sys.argv[1], "run", "--events", "hello"], env=env, capture_output=True, text=True, timeout=600)
    events = open(target, encoding="utf-8").read() if os.path.exists(target) else ""
    print(json.dumps({"code": done.returncode, "stderr": done.stderr[-6000:], "events": events, "requests": server.requests}))
`;

// `python -m <pkg> serve --port 0` against the FakeLLM: /health, the agent card, one chat completion.
const SERVE_CHECK = String.raw`${PYTHON_ENV}
def fetch(url, body=None):
    data = None if body is None else json.dumps(body).encode("utf-8")
    request = urllib.request.Request(url, data=data, headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(request, timeout=600) as response:
        return response.status, json.loads(response.read().decode("utf-8"))

with FakeLLM() as server:
    child = subprocess.Popen([sys.executable, "-m", sys.argv[1], "serve", "--port", "0"], env=project_env(server),
                             stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, encoding="utf-8")
    log, base = [], None
    try:
        for line in child.stderr:
            log.append(line)
            found = re.search(r"serving \S+ on (http://127\.0\.0\.1:\d+)", line)
            if found:
                base = found.group(1)
                break
        threading.Thread(target=lambda: log.extend(child.stderr), daemon=True).start()
        if base is None:
            print(json.dumps({"error": "serve did not start", "log": "".join(log)[-6000:]}))
            sys.exit(0)
        health = fetch(base + "/health")
        card = fetch(base + "/.well-known/agent-card.json")
        chat = fetch(base + "/v1/chat/completions", {"model": sys.argv[2], "messages": [{"role": "user", "content": "hello"}]})
        print(json.dumps({"health": health, "card": card[1], "chat": chat, "calls": len(server.requests)}))
    finally:
        child.terminate()
        child.wait(30)
`;

interface EventsReport {
  readonly code: number;
  readonly stderr: string;
  readonly events: string;
  readonly requests: ReadonlyArray<unknown>;
}

interface ServeReport {
  readonly error?: string;
  readonly log?: string;
  readonly health: [number, { status: string }];
  readonly card: { name: string; description: string; skills: ReadonlyArray<{ id: string; description: string }> };
  readonly chat: [number, { choices: ReadonlyArray<{ message: { content: string } }> }];
  readonly calls: number;
}

function writeProject(name: string, files: FileTree): string {
  const dir = join(root, name);
  for (const file of files) {
    mkdirSync(dirname(join(dir, file.path)), { recursive: true });
    writeFileSync(join(dir, file.path), file.content);
  }
  mkdirSync(join(dir, 'workspace'), { recursive: true });
  return dir;
}

/** Each line valid by the RunEvent JSON Schema and zod; one run, steps balanced, ended successfully. */
function parseRun(text: string): RunEvent[] {
  const events = text.split('\n').filter((line) => line.trim() !== '').map((line) => {
    const value: unknown = JSON.parse(line);
    if (!validate(value)) throw new Error(`not a RunEvent: ${line}\n${JSON.stringify(validate.errors)}`);
    return RunEventSchema.parse(value);
  });
  expect(events.map((event) => event.seq)).toEqual(events.map((_, index) => index));
  expect(events.at(-1)).toMatchObject({ type: 'run-end', status: 'succeeded' });
  const open = new Set<string>();
  for (const event of events) {
    if (event.type === 'step-start') open.add(event.stepId);
    if (event.type === 'step-end') expect(open.delete(event.stepId)).toBe(true);
  }
  expect([...open]).toEqual([]);
  return events;
}

/** The project's pytest run (extra arguments appended); its output whether it passes or fails. */
async function pytest(options: { venv: string; cwd: string; extra: ReadonlyArray<string> }): Promise<string> {
  const { venv, cwd, extra } = options;
  const env = { CREWAI_STORAGE_DIR: join(cwd, 'crewai-storage') };
  return runInVenv({ venv, cwd, args: ['pytest', '-q', '-p', 'no:cacheprovider', ...extra], env }).then(
    (result) => result.stdout,
    (error: { stdout?: string; stderr?: string }) => `${error.stderr ?? ''}\n${error.stdout ?? ''}`,
  );
}

/** The hostile part of a text (after its fixture label, which may hold an input such as {topic}). */
function hostileTail(text: string): string {
  return text.slice(text.indexOf(' """'));
}

describe.skipIf(process.env.AG_SKIP_PYTHON === '1')('hostile spec text', () => {
  let checker: FileChecker;
  beforeAll(async () => {
    checker = await startFileChecker();
  });
  afterAll(() => {
    checker.close();
    rmSync(root, { recursive: true, force: true });
  });

  describe.each(CASES)('$framework', ({ framework, patterns }) => {
    const specs = new Map<PatternId, ProjectSpec>(patterns.map((pattern) => [pattern, hostileSpec(framework, pattern)]));
    const projects = new Map<PatternId, string>();
    let venv = '';

    beforeAll(async () => {
      for (const [pattern, spec] of specs) projects.set(pattern, writeProject(`${framework}-${pattern}`, renderProject(spec).files));
      // Same requirements as the fixture project, so the framework test's cached venv serves.
      const fixture = writeProject(`${framework}-fixture`, renderProject(fixtureSpec({ framework, pattern: patterns[0] ?? 'sequential' })).files);
      for (const dir of projects.values()) expect(projectRequirements(dir)).toEqual(projectRequirements(fixture));
      venv = await ensureVenv(projectRequirements(fixture));
    });

    it.each(patterns)('%s: every file parses and the canary never becomes code', async (pattern) => {
      const spec = specs.get(pattern);
      if (spec === undefined) throw new Error(pattern);
      const files = renderProject(spec).files;
      expect(files.some((file) => file.content.includes(CANARY))).toBe(true);
      expect(await checker.check(files, CANARY)).toEqual([]);
    });

    it.each(patterns)("%s: the project's own pytest suite passes", async (pattern) => {
      const output = await pytest({ venv, cwd: projects.get(pattern) ?? '', extra: [] });
      const summary = output.trim().split('\n').pop() ?? '';
      console.log(`hostile ${framework} ${pattern}: ${summary}`);
      expect(summary, output.slice(-6000)).toMatch(/^\d+ passed/);
      expect(summary).not.toMatch(/failed|error/);
    }, 900_000);

    it.each(patterns)('%s: `run --events hello` succeeds with valid events and the hostile text reaches the model unchanged', async (pattern) => {
      const spec = specs.get(pattern);
      if (spec === undefined) throw new Error(pattern);
      const { stdout } = await execute(join(venv, 'bin', 'python'), ['-c', EVENTS_CHECK, PACKAGE], { cwd: projects.get(pattern) ?? '', timeout: 900_000, maxBuffer: 256 * 1024 * 1024 });
      const report = JSON.parse(stdout) as EventsReport;
      expect(report.code, report.stderr).toBe(0);
      const events = parseRun(report.events);
      expect(events[0]).toMatchObject({ type: 'run-start', project: spec.slug, framework, pattern, input: 'hello' });
      const agentIds = new Set(spec.agents.map((agent) => agent.id));
      const stepAgents = events.flatMap((event) => (event.type === 'step-start' && event.agent !== undefined ? [event.agent] : []));
      expect(stepAgents.length).toBeGreaterThan(0);
      // A supervisor step may carry the framework's own manager name (CrewAI's "Crew Manager").
      if (pattern !== 'supervisor') expect(stepAgents.filter((agent) => !agentIds.has(agent)), JSON.stringify(stepAgents)).toEqual([]);
      for (const agent of stepAgents) expect(agent).not.toContain(CANARY);
      // What the model saw holds the hostile text verbatim: nothing unescaped, formatted or dropped.
      const seen = JSON.stringify(report.requests);
      const researcher = spec.agents[0];
      const texts = { goal: researcher?.goal ?? '', task: spec.tasks.find((task) => task.agent === researcher?.id)?.description ?? '' };
      for (const [field, text] of Object.entries(texts)) expect(seen.includes(JSON.stringify(hostileTail(text)).slice(1, -1)), `${field} of the researcher reached the model`).toBe(true);
    }, 900_000);

    it.each(patterns)('%s: `serve` answers /health, the agent card and a chat completion', async (pattern) => {
      const spec = specs.get(pattern);
      if (spec === undefined) throw new Error(pattern);
      const { stdout } = await execute(join(venv, 'bin', 'python'), ['-c', SERVE_CHECK, PACKAGE, spec.slug], { cwd: projects.get(pattern) ?? '', timeout: 900_000, maxBuffer: 64 * 1024 * 1024 });
      const report = JSON.parse(stdout) as ServeReport;
      expect(report.error, report.log).toBeUndefined();
      expect(report.health).toEqual([200, { status: 'ok' }]);
      expect(report.card.name).toBe(spec.name);
      expect(report.card.description).toBe(spec.idea);
      expect(report.card.skills.map((skill) => skill.description)).toEqual(spec.tasks.map((task) => `${task.description}\n\nExpected output: ${task.expectedOutput}`));
      expect(report.chat[0]).toBe(200);
      expect(report.chat[1].choices[0]?.message.content).toContain('The fake model has finished the task.');
      expect(report.calls).toBeGreaterThan(0);
    }, 900_000);
  });
});
