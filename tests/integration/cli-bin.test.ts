// The built `agent-generator` binary, run as a user runs it: a real process with real exit codes.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const BIN = join(import.meta.dirname, '../../apps/cli/bin/agent-generator.js');

function cli(args: ReadonlyArray<string>, cwd = mkdtempSync(join(tmpdir(), 'ag-bin-'))) {
  const result = spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: 'utf8' });
  return { ...result, cwd };
}

describe('agent-generator binary', () => {
  it('prints its version and help', () => {
    expect(cli(['--version']).stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
    expect(cli(['--help']).stdout).toContain('Commands:');
  });

  it('generates a project and exits 0', () => {
    const run = cli(['generate', 'a crew that searches the web and writes a report', '--framework', 'crewai', '--out', 'project']);
    expect(run.status).toBe(0);
    expect(existsSync(join(run.cwd, 'project', 'src'))).toBe(true);
  });

  it('exits 1 on invalid input and 2 on an incompatible selection', () => {
    expect(cli(['generate', '', '--framework', 'crewai']).status).toBe(1);
    const incompatible = cli(['generate', 'a bot', '--framework', 'react', '--pattern', 'graph']);
    expect(incompatible.status).toBe(2);
    expect(incompatible.stderr).toContain('err');
  });
});
