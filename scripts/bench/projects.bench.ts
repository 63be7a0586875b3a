// `npm run bench projects`: per framework, what a generated project costs to install and to run.
// Install: a fresh venv from pip's warm wheel cache (AG_BENCH_COLD=1 adds one with --no-cache-dir,
// every wheel from the index again), next to a hit of the content-keyed venv cache the product uses.
// Run: `python -m <pkg> run --events` against the loopback model server — time to the first JSONL
// event, to the first model request, and to exit — next to a bare interpreter start in the same venv.
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { FrameworkId, PatternId, ProjectSpec } from '@agent-generator/contracts';
import { PATTERN_IDS } from '@agent-generator/contracts';
import { patternSupport } from '@agent-generator/core';
import { renderProject } from '@agent-generator/renderers';
import { createLoopbackModelServer, type LoopbackModelServer, type ParsedChatRequest, type ScriptReply } from '@agent-generator/testing';
import { packageName } from '../../packages/renderers/src/shared/escape';
import { fixtureSpec } from '../../packages/renderers/src/test-fixtures';
import { ensureVenv, projectRequirements } from '../../tests/integration/support/python-venv';
import { median, printTable } from './stats';

// watsonx Orchestrate projects run inside Orchestrate, not locally: nothing to time here.
const FRAMEWORKS: ReadonlyArray<FrameworkId> = ['crewai', 'crewai-flow', 'langgraph', 'react', 'autogen', 'strands', 'llamaindex'];
const ROUNDS = 3;
const OFFLINE = { CREWAI_DISABLE_TELEMETRY: 'true', OTEL_SDK_DISABLED: 'true', CREWAI_TRACING_ENABLED: 'false', PIP_DISABLE_PIP_VERSION_CHECK: '1' };

interface Timing {
  readonly firstEventMs: number;
  readonly firstRequestMs: number;
  readonly totalMs: number;
}

function firstPattern(framework: FrameworkId): PatternId {
  const preferred: PatternId = patternSupport(framework, 'sequential') === 'unsupported' ? 'react' : 'sequential';
  return patternSupport(framework, preferred) !== 'unsupported' ? preferred : (PATTERN_IDS.find((pattern) => patternSupport(framework, pattern) !== 'unsupported') ?? 'sequential');
}

function writeProject(directory: string, spec: ProjectSpec): void {
  for (const file of renderProject(spec).files) {
    mkdirSync(dirname(join(directory, file.path)), { recursive: true });
    writeFileSync(join(directory, file.path), file.content);
  }
  mkdirSync(join(directory, 'workspace'), { recursive: true });
}

/** Exit status and wall time of one command; stdout lines reach `onLine` as they arrive. */
function execute(command: string, options: { args: ReadonlyArray<string>; cwd: string; env?: Record<string, string>; onLine?: (line: string) => void }): Promise<number> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const child = spawn(command, options.args, { cwd: options.cwd, env: { ...process.env, ...OFFLINE, ...options.env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let pending = '';
    let errors = '';
    child.stdout.on('data', (chunk: Buffer) => {
      pending += chunk.toString('utf8');
      const lines = pending.split('\n');
      pending = lines.pop() ?? '';
      for (const line of lines) options.onLine?.(line);
    });
    child.stderr.on('data', (chunk: Buffer) => {
      errors = (errors + chunk.toString('utf8')).slice(-4000);
    });
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve(performance.now() - started) : reject(new Error(`${command} ${options.args.join(' ')} exited ${code}: ${errors}`))));
  });
}

async function installSeconds(requirements: ReadonlyArray<string>, options: { root: string; cold: boolean }): Promise<number> {
  const venv = mkdtempSync(join(options.root, 'venv-'));
  const started = performance.now();
  await execute('python3', { args: ['-m', 'venv', venv], cwd: options.root });
  await execute(join(venv, 'bin', 'pip'), { args: ['install', '--quiet', ...(options.cold ? ['--no-cache-dir'] : []), ...requirements], cwd: options.root });
  const seconds = (performance.now() - started) / 1000;
  rmSync(venv, { recursive: true, force: true });
  return seconds;
}

/** One tool call while no tool result is in the conversation yet, then a final answer. */
function toolThenAnswer(request: ParsedChatRequest): ScriptReply {
  const tool = request.tools.find((entry) => entry.name === 'calculator');
  const answered = request.messages.some((message) => message.role === 'tool');
  return tool && !answered ? { toolCalls: [{ name: 'calculator', arguments: { expression: '6*7' } }] } : { text: 'Thought: I have what I need.\nFinal Answer: Three papers, 42 minutes of reading.' };
}

async function timeRun(options: { venv: string; project: string; packageName: string; server: LoopbackModelServer }): Promise<Timing> {
  const { venv, project, server } = options;
  const before = server.requests.length;
  const startedAt = Date.now();
  const started = performance.now();
  let firstEventMs = Number.NaN;
  const env = {
    MODEL_PROVIDER: 'openai-compatible',
    MODEL_ID: 'loopback-model',
    OPENAI_BASE_URL: server.url,
    OPENAI_API_KEY: 'bench',
    WORKSPACE_DIR: join(project, 'workspace'),
    PYTHONPATH: join(project, 'src'),
    AGENT_EVENTS_FILE: '',
  };
  const totalMs = await execute(join(venv, 'bin', 'python'), {
    args: ['-m', options.packageName, 'run', '--events', 'new papers on agents'],
    cwd: project,
    env,
    onLine: (line) => {
      if (Number.isNaN(firstEventMs) && line.startsWith('{')) firstEventMs = performance.now() - started;
    },
  });
  const first = server.requests[before];
  return { firstEventMs, firstRequestMs: first ? first.time.getTime() - startedAt : Number.NaN, totalMs };
}

export default async function projectsBench(): Promise<void> {
  const cold = process.env.AG_BENCH_COLD === '1';
  const root = mkdtempSync(join(tmpdir(), 'ag-projects-bench-'));
  const server = await createLoopbackModelServer({ respond: toolThenAnswer });
  const rows: Array<Record<string, string | number>> = [];
  try {
    for (const framework of FRAMEWORKS) {
      const pattern = firstPattern(framework);
      const spec = fixtureSpec({ framework, pattern, tools: ['calculator'] });
      const project = join(root, framework);
      writeProject(project, spec);
      const requirements = projectRequirements(project);
      const venv = await ensureVenv(requirements); // fills pip's wheel cache on a fresh machine
      const cacheStarted = performance.now();
      await ensureVenv(requirements);
      const cachedMs = performance.now() - cacheStarted;
      const warm = await installSeconds(requirements, { root, cold: false });
      const coldSeconds = cold ? await installSeconds(requirements, { root, cold: true }) : undefined;
      const bare: number[] = [];
      const runs: Timing[] = [];
      for (let round = 0; round < ROUNDS; round += 1) {
        bare.push(await execute(join(venv, 'bin', 'python'), { args: ['-c', 'pass'], cwd: project }));
        runs.push(await timeRun({ venv, project, packageName: packageName(spec.slug), server }));
      }
      rows.push({
        framework,
        pattern,
        ...(coldSeconds === undefined ? {} : { 'cold install s': coldSeconds }),
        'warm install s': warm,
        'cached venv ms': cachedMs,
        'bare python ms': median(bare),
        'first event ms': median(runs.map((run) => run.firstEventMs)),
        'first model request ms': median(runs.map((run) => run.firstRequestMs)),
        'run total ms': median(runs.map((run) => run.totalMs)),
        'run / bare': median(runs.map((run) => run.totalMs)) / median(bare),
      });
    }
    printTable(rows);
    if (!cold) console.log('cold installs (--no-cache-dir, every wheel from the index): AG_BENCH_COLD=1 npm run bench projects');
  } finally {
    await server.close();
    rmSync(root, { recursive: true, force: true });
  }
}
