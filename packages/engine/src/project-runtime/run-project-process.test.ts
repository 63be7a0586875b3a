// The project runtime against tiny hand-written projects (real Python, a venv without packages):
// relaying, the child's environment, crashes, Stop, the time limit and hostile input.
import type { FileTree, RunEvent } from '@agent-generator/contracts';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureProjectVenv } from './ensure-project-venv';
import { collectEvents, lastEvent, tinyProject } from './project-runtime.test-support';
import { INSTALL_NOTICE, runProject, type RunProjectOptions } from './run-project';

const cacheDir = mkdtempSync(join(tmpdir(), 'project-runtime-venvs-'));
afterAll(() => rmSync(cacheDir, { recursive: true, force: true }));
// Every tiny project has the same (empty) dependencies: one venv, built before the tests that relay.
beforeAll(() => (process.env.AG_SKIP_PYTHON === '1' ? undefined : ensureProjectVenv({ files: tinyProject(''), cacheDir })), 120_000);
const KEY = 'sk-test-secret-4242';

function run(files: FileTree, overrides: Partial<RunProjectOptions> = {}): AsyncGenerator<RunEvent, void, undefined> {
  return runProject({ files, input: 'hello', model: { provider: 'openai-compatible', id: 'm', baseUrl: 'http://127.0.0.1:9/v1', apiKey: KEY }, runId: 'run_1', venvCacheDir: cacheDir, timeoutMs: 60_000, ...overrides });
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

describe.skipIf(process.env.AG_SKIP_PYTHON === '1')('runProject with tiny projects', () => {
  it('starts at once, saying so, when the packages must be installed first; a later run starts as the project does', async () => {
    const fresh = mkdtempSync(join(tmpdir(), 'project-runtime-fresh-venvs-'));
    try {
      const files = tinyProject(`emit("run-start", project="tiny", framework="react", pattern="react", input=text)
emit("run-end", status="succeeded", output="done")
`);
      const first = await collectEvents(run(files, { venvCacheDir: fresh }), { runId: 'run_1' });
      expect(first.map((event) => event.type)).toEqual(['run-start', 'run-end']);
      expect(first[0]).toMatchObject({ type: 'run-start', project: 'tiny', framework: 'react', input: 'hello', notices: [INSTALL_NOTICE] });
      const second = await collectEvents(run(files, { venvCacheDir: fresh }), { runId: 'run_1' });
      expect(second[0]).toMatchObject({ type: 'run-start', at: '2020-01-01T00:00:00Z' });
      expect(second[0]).not.toHaveProperty('notices');
    } finally {
      rmSync(fresh, { recursive: true, force: true });
    }
  }, 120_000);

  it('relays only valid events, under our run id and a fresh seq, and removes its folder afterwards', async () => {
    const files = tinyProject(`emit("run-start", project="tiny", framework="react", pattern="react", input=text)
print("not json")
print('{"type": "text-delta"}')
emit("text-delta", delta=os.getcwd())
emit("run-end", status="succeeded", output="done")
`);
    const events = await collectEvents(run(files), { runId: 'run_1' });
    expect(events.map((event) => event.type)).toEqual(['run-start', 'text-delta', 'run-end']);
    expect(events[0]).toMatchObject({ project: 'tiny', input: 'hello', at: '2020-01-01T00:00:00Z' });
    const cwd = events[1]?.type === 'text-delta' ? events[1].delta : '';
    expect(cwd).toContain('ag-project-run-');
    expect(existsSync(cwd)).toBe(false);
    expect(lastEvent(events)).toMatchObject({ type: 'run-end', status: 'succeeded', output: 'done' });
  }, 120_000);

  it('gives the project PATH, HOME, LANG and the model variables, not the server environment', async () => {
    process.env.AG_PROJECT_RUNTIME_TEST_SECRET = 'server-only';
    const files = tinyProject(`emit("run-start", project="tiny", framework="react", pattern="react", input=text)
emit("run-end", status="succeeded", output=json.dumps(sorted(os.environ)))
`);
    const events = await collectEvents(run(files), { runId: 'run_1' });
    delete process.env.AG_PROJECT_RUNTIME_TEST_SECRET;
    const end = lastEvent(events);
    const names = end.type === 'run-end' ? (JSON.parse(end.output ?? '[]') as string[]) : [];
    const allowed = ['PATH', 'HOME', 'LANG', 'LC_CTYPE', 'MODEL_PROVIDER', 'MODEL_ID', 'OPENAI_BASE_URL', 'OPENAI_API_KEY', 'WORKSPACE_DIR', 'PYTHONPATH', 'PYTHONDONTWRITEBYTECODE', 'PYTHONUNBUFFERED', 'PYTHONIOENCODING'];
    expect(names.filter((name) => !allowed.includes(name))).toEqual([]);
    expect(names).toEqual(expect.arrayContaining(['MODEL_PROVIDER', 'MODEL_ID', 'OPENAI_BASE_URL', 'WORKSPACE_DIR']));
  }, 120_000);

  it('turns a crash without a final event into project_failed with the last stderr lines, the key redacted', async () => {
    const files = tinyProject(`emit("run-start", project="tiny", framework="react", pattern="react", input=text)
sys.stderr.write("connecting with key " + os.environ["OPENAI_API_KEY"] + "\\n")
emit("text-delta", delta="about to fail with " + os.environ["OPENAI_API_KEY"])
sys.exit(3)
`);
    const events = await collectEvents(run(files), { runId: 'run_1' });
    const end = lastEvent(events);
    expect(end).toMatchObject({ type: 'run-error', code: 'project_failed' });
    expect(end.type === 'run-error' ? end.message : '').toMatch(/exited with code 3[\s\S]*connecting with key \[redacted\]/);
    expect(JSON.stringify(events)).not.toContain(KEY);
  }, 120_000);

  it('a project that cannot start is a run-error that still opens with run-start', async () => {
    const events = await collectEvents(run([{ path: 'pyproject.toml', content: '[project]\nname = "x"\n' }]), { runId: 'run_1' });
    expect(events.map((event) => event.type)).toEqual(['run-start', 'run-error']);
    expect(lastEvent(events)).toMatchObject({ code: 'invalid_input' });
  });

  it('Stop ends the run as cancelled at once and kills a project that ignores SIGTERM', async () => {
    const files = tinyProject(`import signal
signal.signal(signal.SIGTERM, signal.SIG_IGN)
emit("run-start", project="tiny", framework="react", pattern="react", input=str(os.getpid()))
time.sleep(120)
`);
    const controller = new AbortController();
    let cancelledAt = 0;
    const events = await collectEvents(run(files, { signal: controller.signal }), {
      runId: 'run_1',
      onEvent: (event) => {
        if (event.type === 'run-start') controller.abort();
        if (event.type === 'run-end') cancelledAt = performance.now();
      },
    });
    const finishedAt = performance.now();
    expect(lastEvent(events)).toMatchObject({ type: 'run-end', status: 'cancelled' });
    // The cancelled event comes first; the iteration ends once SIGKILL has ended the process.
    expect(finishedAt - cancelledAt).toBeGreaterThan(1000);
    const pid = Number(events[0]?.type === 'run-start' ? events[0].input : NaN);
    expect(alive(pid)).toBe(false);
  }, 120_000);

  it('the time limit stops the project with limit_exceeded', async () => {
    const files = tinyProject(`emit("run-start", project="tiny", framework="react", pattern="react", input=text)
time.sleep(120)
`);
    const events = await collectEvents(run(files, { timeoutMs: 1500 }), { runId: 'run_1' });
    expect(lastEvent(events)).toMatchObject({ type: 'run-error', code: 'limit_exceeded' });
  }, 120_000);

  it('passes hostile text and inputs as plain arguments, never through a shell', async () => {
    const hostile = '-- "quoted" \'single\'\nnext line $(rm -rf /) `id`; echo pwned > hacked && --input x=y';
    const files = tinyProject(`emit("run-start", project="tiny", framework="react", pattern="react", input=text)
emit("run-end", status="succeeded", output=json.dumps(args))
`);
    const events = await collectEvents(run(files, { input: hostile, inputs: { topic: 'a=b $(id)' } }), { runId: 'run_1' });
    const end = lastEvent(events);
    expect(JSON.parse(end.type === 'run-end' ? (end.output ?? '') : '')).toEqual(['run', '--events', '--input', 'topic=a=b $(id)', '--', hostile]);
    expect(events[0]).toMatchObject({ input: hostile });
  }, 120_000);
});
