import { mkdtempSync, readFileSync, readdirSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { unzipSync } from 'fflate';
import { parse as parseYaml } from 'yaml';
import { describe, expect, it } from 'vitest';
import { runCli } from './run-cli';
import type { CliIo } from './io';

function capture(options: { cwd?: string; stdin?: string } = {}) {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = {
    stdout: (text) => out.push(text),
    stderr: (text) => err.push(text),
    readStdin: async () => options.stdin ?? '',
    cwd: options.cwd ?? mkdtempSync(join(tmpdir(), 'ag-cli-')),
    isTty: false,
  };
  return { io, stdout: () => out.join(''), stderr: () => err.join('') };
}

const IDEA = 'a research crew that finds papers and writes a weekly digest';

describe('agent-generator CLI', () => {
  it('prints usage and every command has --help', async () => {
    const top = capture();
    expect(await runCli(['--help'], top.io)).toBe(0);
    for (const name of ['plan', 'generate', 'compat', 'catalog', 'serve', 'worker']) {
      expect(top.stdout()).toContain(name);
      const help = capture();
      expect(await runCli([name, '--help'], help.io)).toBe(0);
      expect(help.stdout()).toMatch(/^Usage: agent-generator/);
    }
  });

  it('plan prints a YAML spec and --json a JSON spec', async () => {
    const yamlRun = capture();
    expect(await runCli(['plan', IDEA, '--framework', 'langgraph'], yamlRun.io)).toBe(0);
    expect(parseYaml(yamlRun.stdout())).toMatchObject({ version: 1, framework: 'langgraph' });
    const jsonRun = capture();
    expect(await runCli(['plan', IDEA, '--json', '--pattern', 'supervisor', '--framework', 'crewai'], jsonRun.io)).toBe(0);
    expect(JSON.parse(jsonRun.stdout())).toMatchObject({ framework: 'crewai', pattern: 'supervisor' });
  });

  it('generate writes the project into the slug directory and summarises the files', async () => {
    const run = capture();
    expect(await runCli(['generate', IDEA, '--framework', 'crewai'], run.io)).toBe(0);
    const [directory] = readdirSync(run.io.cwd);
    expect(directory).toBeDefined();
    const written = readdirSync(join(run.io.cwd, directory!), { recursive: true }).map(String);
    expect(written).toEqual(expect.arrayContaining(['README.md', 'pyproject.toml', 'Dockerfile', '.env.example']));
    expect(run.stdout()).toContain('files');
  });

  it('--json reports spec, diagnostics and files with sizes and hashes', async () => {
    const run = capture();
    expect(await runCli(['generate', IDEA, '--framework', 'langgraph', '--dry-run', '--json'], run.io)).toBe(0);
    const report = JSON.parse(run.stdout()) as { spec: { framework: string }; diagnostics: unknown[]; files: Array<{ path: string; bytes: number; sha256: string }> };
    expect(report.spec.framework).toBe('langgraph');
    expect(report.diagnostics.length).toBeGreaterThan(0);
    expect(report.files.find((file) => file.path === 'langgraph.json')).toMatchObject({ bytes: expect.any(Number), sha256: expect.stringMatching(/^[0-9a-f]{64}$/) });
    expect(readdirSync(run.io.cwd)).toEqual([]); // dry run wrote nothing
  });

  it('refuses a non-empty directory without --force and overwrites with it', async () => {
    const run = capture();
    mkdirSync(join(run.io.cwd, 'out'));
    writeFileSync(join(run.io.cwd, 'out', 'keep.txt'), 'mine');
    expect(await runCli(['generate', IDEA, '--framework', 'crewai', '--out', 'out'], run.io)).toBe(1);
    expect(run.stderr()).toContain('--force');
    expect(readFileSync(join(run.io.cwd, 'out', 'keep.txt'), 'utf8')).toBe('mine');
    expect(await runCli(['generate', IDEA, '--framework', 'crewai', '--out', 'out', '--force'], run.io)).toBe(0);
    expect(readdirSync(join(run.io.cwd, 'out'))).toContain('pyproject.toml');
  });

  it('accepts an absolute --out path', async () => {
    const run = capture();
    const target = join(mkdtempSync(join(tmpdir(), 'ag-abs-')), 'project');
    expect(await runCli(['generate', IDEA, '--framework', 'react', '--out', target], run.io)).toBe(0);
    expect(readdirSync(target)).toContain('pyproject.toml');
    expect(readdirSync(run.io.cwd)).toEqual([]);
  });

  it('writes a reproducible zip', async () => {
    const first = capture();
    expect(await runCli(['generate', IDEA, '--framework', 'strands', '--zip', 'a.zip'], first.io)).toBe(0);
    expect(await runCli(['generate', IDEA, '--framework', 'strands', '--zip', 'b.zip'], first.io)).toBe(0);
    const a = readFileSync(join(first.io.cwd, 'a.zip'));
    expect(a.equals(readFileSync(join(first.io.cwd, 'b.zip')))).toBe(true);
    const entries = Object.keys(unzipSync(a));
    expect(entries.every((entry) => entry.startsWith(`${entries[0]!.split('/')[0]}/`))).toBe(true);
    expect(entries.some((entry) => entry.endsWith('/Dockerfile'))).toBe(true);
  });

  it('exits 2 with the reason when the selection has err diagnostics, and --force overrides for supported renders', async () => {
    const run = capture();
    expect(await runCli(['generate', IDEA, '--framework', 'react', '--pattern', 'supervisor'], run.io)).toBe(2);
    expect(run.stderr()).toMatch(/err/);
    expect(run.stderr()).toContain('--force');
    expect(readdirSync(run.io.cwd)).toEqual([]);
    const compat = capture();
    expect(await runCli(['compat', '--framework', 'react', '--pattern', 'supervisor'], compat.io)).toBe(2);
    expect(compat.stdout()).toContain('try:');
  });

  it.each([
    [['generate', '   ', '--framework', 'crewai'], 'empty'],
    [['generate', 'x'.repeat(4001)], 'limit'],
    [['generate', IDEA, '--framework', 'crewaii'], 'unknown --framework'],
    [['generate', IDEA, '--pattern', 'swarm'], 'unknown --pattern'],
    [['generate', IDEA, '--model', 'gpt-9000'], 'unknown --model'],
    [['generate', IDEA, '--model', 'bad model; rm -rf /'], 'not a model id'],
    [['generate', IDEA, '--tools', 'web_search,teleport'], 'unknown --tools'],
    [['generate', IDEA, '--bogus'], 'Unknown option'],
    [['generate'], 'missing the idea'],
    [['generate', 'one', 'two'], 'in quotes'],
    [['compat'], '--framework is required'],
    [['nope'], 'unknown command'],
  ])('rejects %j with exit 1 and says how to fix it', async (args, message) => {
    const run = capture();
    expect(await runCli(args, run.io)).toBe(1);
    expect(run.stderr()).toContain(message);
    expect(readdirSync(run.io.cwd)).toEqual([]);
  });

  it('generates from a spec file and reports invalid specs field by field', async () => {
    const run = capture();
    expect(await runCli(['plan', IDEA, '--framework', 'autogen', '--json'], run.io)).toBe(0);
    writeFileSync(join(run.io.cwd, 'spec.json'), run.stdout());
    const fromSpec = capture({ cwd: run.io.cwd });
    expect(await runCli(['generate', '--spec', 'spec.json', '--out', 'proj'], fromSpec.io)).toBe(0);
    expect(readdirSync(join(run.io.cwd, 'proj'))).toContain('pyproject.toml');
    writeFileSync(join(run.io.cwd, 'bad.yaml'), 'version: 1\nframework: nope\n');
    const bad = capture({ cwd: run.io.cwd });
    expect(await runCli(['generate', '--spec', 'bad.yaml'], bad.io)).toBe(1);
    expect(bad.stderr()).toContain('framework');
  });

  it('reads the idea from stdin with "-"', async () => {
    const run = capture({ stdin: IDEA });
    expect(await runCli(['plan', '-', '--json'], run.io)).toBe(0);
    expect(JSON.parse(run.stdout()).idea).toBe(IDEA);
  });

  it('catalog lists every framework and --json the whole catalog', async () => {
    const run = capture();
    expect(await runCli(['catalog'], run.io)).toBe(0);
    for (const id of ['crewai', 'crewai-flow', 'langgraph', 'react', 'watsonx-orchestrate', 'autogen', 'strands', 'llamaindex']) expect(run.stdout()).toContain(id);
    const json = capture();
    expect(await runCli(['catalog', '--json'], json.io)).toBe(0);
    expect(Object.keys(JSON.parse(json.stdout()))).toEqual(['hyperscalers', 'frameworks', 'patterns', 'providers', 'models', 'tools', 'exportTargets']);
  });

  it('worker refuses SQLite with exit 2 and says workers need Postgres', async () => {
    const saved = { ...process.env };
    const dataDir = mkdtempSync(join(tmpdir(), 'ag-cli-worker-'));
    process.env.DATABASE_URL = `sqlite:${join(dataDir, 'agents.db')}`;
    process.env.DATA_DIR = dataDir;
    try {
      const run = capture();
      expect(await runCli(['worker'], run.io)).toBe(2);
      expect(run.stderr()).toMatch(/^error: workers need Postgres: set DATABASE_URL/);
      const flag = capture();
      expect(await runCli(['worker', '--concurrency', 'many'], flag.io)).toBe(1);
      expect(flag.stderr()).toContain('--concurrency "many"');
    } finally {
      process.env = saved;
    }
  });
});
