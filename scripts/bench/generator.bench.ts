// Generator speed: in-process plan+render per framework, and the CLI's end-to-end `generate`
// wall time and peak memory, against bare `node -e ""` start-up measured in the same run.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FRAMEWORK_IDS } from '@agent-generator/contracts';
import { planProject } from '@agent-generator/core';
import { renderProject } from '@agent-generator/renderers';
import { median, printTable } from './stats';

const IDEA = 'A research crew that finds papers on the web, reads PDFs, calculates reading time and writes a weekly digest';
const CLI = join(process.cwd(), 'apps/cli/bin/agent-generator.js');

function timeCommand(args: ReadonlyArray<string>): { wallMs: number; peakKb: number } {
  const useTime = existsSync('/usr/bin/time');
  const started = performance.now();
  const result = useTime
    ? spawnSync('/usr/bin/time', ['-f', '%M', process.execPath, ...args], { encoding: 'utf8' })
    : spawnSync(process.execPath, args, { encoding: 'utf8' });
  const wallMs = performance.now() - started;
  if (result.status !== 0) throw new Error(`command failed: ${args.join(' ')}\n${result.stderr}`);
  const peakKb = useTime ? Number(result.stderr.trim().split('\n').pop()) : Number.NaN;
  return { wallMs, peakKb };
}

export default async function bench(): Promise<void> {
  const rows = [];
  const baseline = Array.from({ length: 15 }, () => timeCommand(['-e', '']));
  const baselineMs = median(baseline.map((run) => run.wallMs));
  const out = mkdtempSync(join(tmpdir(), 'ag-bench-cli-'));
  for (const framework of FRAMEWORK_IDS) {
    for (let warm = 0; warm < 50; warm += 1) renderProject(planProject(IDEA, { framework }).spec);
    const inProcess: number[] = [];
    let files = 0;
    for (let run = 0; run < 300; run += 1) {
      const started = performance.now();
      const rendered = renderProject(planProject(IDEA, { framework }).spec);
      inProcess.push(performance.now() - started);
      files = rendered.files.length;
    }
    const cli = Array.from({ length: 15 }, () => timeCommand([CLI, 'generate', IDEA, '--framework', framework, '--out', join(out, framework), '--force']));
    const cliMs = median(cli.map((run) => run.wallMs));
    rows.push({
      framework,
      files: String(files),
      'plan+render median ms': median(inProcess),
      'CLI generate median ms': cliMs,
      'CLI / bare node': `${(cliMs / baselineMs).toFixed(2)}x`,
      'CLI peak RSS MB': Math.max(...cli.map((run) => run.peakKb)) / 1024,
    });
  }
  rmSync(out, { recursive: true, force: true });
  printTable(rows);
  console.log(`\nbaseline: bare \`node -e ""\` start-up median ${baselineMs.toFixed(1)} ms (same run). Targets: plan+render < 5 ms, CLI generate < 400 ms.`);
}
