// `npm run bench container`: per framework (the seven Python services and the Orchestrate importer),
// the generated image's size and how long its Dockerfile takes to build on the private engine: fully
// cached, and after a source edit (src/, or import.sh for the importer), which re-runs only the last
// steps thanks to the dependencies layer. AG_BENCH_COLD=1 adds a build without cache (minutes per
// framework: every wheel comes from PyPI again).
import { randomUUID } from 'node:crypto';
import { appendFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { FrameworkId } from '@agent-generator/contracts';
import { renderers } from '@agent-generator/renderers';
import { fixtureSpec } from '../../packages/renderers/src/test-fixtures';
import { ensureBaseImage } from '../../tests/integration/support/base-image';
import { acquireDockerEngine, buildImage, type DockerEngine } from '../../tests/integration/support/docker-engine';
import { median, printTable } from './stats';

const SOURCE_FILE = join('src', 'paper_digest', 'main.py');

// Every framework's image; `edited` is the file a source change touches (the importer has no src/).
const FRAMEWORKS: ReadonlyArray<{ readonly framework: FrameworkId; readonly edited: string; readonly fixture?: Omit<Parameters<typeof fixtureSpec>[0], 'framework'> }> = [
  { framework: 'crewai', edited: SOURCE_FILE },
  { framework: 'crewai-flow', edited: SOURCE_FILE },
  { framework: 'langgraph', edited: SOURCE_FILE },
  { framework: 'react', edited: SOURCE_FILE },
  { framework: 'autogen', edited: SOURCE_FILE },
  { framework: 'strands', edited: SOURCE_FILE },
  { framework: 'llamaindex', edited: SOURCE_FILE },
  // Orchestrate refuses local models: its fixture uses watsonx.
  { framework: 'watsonx-orchestrate', edited: 'import.sh', fixture: { pattern: 'supervisor', provider: 'watsonx', model: 'ibm/granite-3-3-8b-instruct' } },
];
const ROUNDS = 3;

async function timed(action: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await action();
  return (performance.now() - started) / 1000;
}

async function imageMegabytes(engine: DockerEngine, image: string): Promise<number> {
  return Number((await engine.docker(['image', 'inspect', '--format', '{{.Size}}', image])).stdout.trim()) / 1e6;
}

async function measure(engine: DockerEngine, options: { framework: (typeof FRAMEWORKS)[number]; baseImage: string; root: string }): Promise<Record<string, string | number>> {
  const { framework, edited, fixture } = options.framework;
  const context = join(options.root, framework);
  for (const file of renderers[framework].render(fixtureSpec({ framework, pattern: 'sequential', ...fixture }))) {
    mkdirSync(dirname(join(context, file.path)), { recursive: true });
    writeFileSync(join(context, file.path), file.content);
  }
  const build = { context, tag: `agent-generator-bench/${framework}:latest`, baseImage: options.baseImage };
  const cold = process.env.AG_BENCH_COLD === '1' ? await timed(() => engine.docker(['build', '--no-cache', '--network', 'host', '--build-arg', `BASE_IMAGE=${build.baseImage}`, '--tag', build.tag, context], { timeoutMs: 45 * 60_000 })) : undefined;
  const first = await timed(() => buildImage(engine, build));
  const cached: number[] = [];
  const sourceChange: number[] = [];
  for (let round = 0; round < ROUNDS; round += 1) {
    cached.push(await timed(() => buildImage(engine, build)));
    // A new edit every run: one seen before would come straight from the build cache.
    appendFileSync(join(context, edited), `# bench edit ${randomUUID()}\n`);
    sourceChange.push(await timed(() => buildImage(engine, build)));
  }
  return {
    framework,
    'image MB': await imageMegabytes(engine, build.tag),
    ...(cold === undefined ? {} : { 'no-cache build s': cold }),
    'first build s': first,
    'cached build s (median)': median(cached),
    'src change build s (median)': median(sourceChange),
  };
}

export default async function containerBench(): Promise<void> {
  if (process.env.AG_SKIP_DOCKER === '1') {
    console.log('skipped: AG_SKIP_DOCKER=1');
    return;
  }
  const engine = await acquireDockerEngine();
  const root = mkdtempSync(join(tmpdir(), 'ag-container-bench-'));
  try {
    const baseStarted = performance.now();
    const baseImage = await ensureBaseImage(engine);
    const baseSeconds = (performance.now() - baseStarted) / 1000;
    const baseMegabytes = await imageMegabytes(engine, baseImage);
    const rows = [];
    for (const framework of FRAMEWORKS) rows.push(await measure(engine, { framework, baseImage, root }));
    console.log(`base image ${baseImage}: ${baseMegabytes.toFixed(1)} MB, ready in ${baseSeconds.toFixed(1)} s (a debootstrap when not cached)`);
    printTable(rows.map((row) => ({ ...row, 'size / base': Number(row['image MB']) / baseMegabytes })));
  } finally {
    rmSync(root, { recursive: true, force: true });
    // The bench's edited variants are not worth keeping; the build cache keeps their layers anyway.
    await engine.docker(['image', 'rm', ...FRAMEWORKS.map(({ framework }) => `agent-generator-bench/${framework}:latest`)]).catch(() => undefined);
    await engine.docker(['image', 'prune', '--force']).catch(() => undefined);
    await engine.release();
  }
}
