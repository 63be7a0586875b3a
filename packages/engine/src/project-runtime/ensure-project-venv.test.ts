// The venv cache with real Python and pip, offline: a wheel built on the spot stands in for a package.
import { UserError, type FileTree } from '@agent-generator/contracts';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ensureProjectVenv } from './ensure-project-venv';
import { pythonVersion, venvKey } from './venv-key';

const root = mkdtempSync(join(tmpdir(), 'ensure-venv-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const MAKE_WHEEL = `
import sys, zipfile, hashlib, base64
path, name = sys.argv[1], sys.argv[2]
files = {f"{name}/__init__.py": "VALUE = 42\\n",
         f"{name}-0.1.dist-info/METADATA": f"Metadata-Version: 2.1\\nName: {name}\\nVersion: 0.1\\n",
         f"{name}-0.1.dist-info/WHEEL": "Wheel-Version: 1.0\\nGenerator: test\\nRoot-Is-Purelib: true\\nTag: py3-none-any\\n"}
record = []
with zipfile.ZipFile(path, "w") as wheel:
    for file, text in files.items():
        data = text.encode()
        wheel.writestr(file, data)
        digest = base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b"=").decode()
        record.append(f"{file},sha256={digest},{len(data)}")
    record.append(f"{name}-0.1.dist-info/RECORD,,")
    wheel.writestr(f"{name}-0.1.dist-info/RECORD", "\\n".join(record) + "\\n")
`;

function wheel(name: string): string {
  const path = join(root, `${name}-0.1-py3-none-any.whl`);
  execFileSync('python3', ['-c', MAKE_WHEEL, path, name]);
  return `${name} @ file://${path}`;
}

function project(requirements: ReadonlyArray<string>): FileTree {
  return [{ path: 'pyproject.toml', content: `[project]\nname = "p"\ndependencies = ${JSON.stringify(requirements)}\n` }];
}

/** A python3 that logs each invocation, to count venv builds. */
function loggingPython(): { python: string; builds: () => number } {
  const log = join(root, `python-${Math.random().toString(36).slice(2)}.log`);
  const python = `${log}.sh`;
  writeFileSync(python, `#!/bin/sh\necho "$*" >> '${log}'\nexec python3 "$@"\n`, { mode: 0o755 });
  return { python, builds: () => (existsSync(log) ? readFileSync(log, 'utf8').split('\n').filter((line) => line.startsWith('-m venv')).length : 0) };
}

describe.skipIf(process.env.AG_SKIP_PYTHON === '1')('ensureProjectVenv', () => {
  it('installs once for concurrent callers, streams pip to each of them, and reuses the venv', async () => {
    const cacheDir = join(root, 'cache-shared');
    const { python, builds } = loggingPython();
    const files = project([wheel('tinypkg')]);
    const progress: string[][] = [[], [], []];
    const venvs = await Promise.all(progress.map((lines) => ensureProjectVenv({ files, cacheDir, python, onProgress: (line) => lines.push(line) })));
    expect(new Set(venvs.map((venv) => venv.dir)).size).toBe(1);
    expect(builds()).toBe(1);
    for (const lines of progress) expect(lines.join('\n')).toContain('Successfully installed tinypkg-0.1');
    expect(execFileSync(venvs[0]!.python, ['-c', 'import tinypkg; print(tinypkg.VALUE)'], { encoding: 'utf8' }).trim()).toBe('42');
    expect(readdirSync(cacheDir)).toEqual([venvs[0]!.dir.split('/').at(-1)]);
    await ensureProjectVenv({ files, cacheDir, python });
    expect(builds()).toBe(1);
  }, 300_000);

  it('keys the venv by Python version and the sorted requirements', async () => {
    const cacheDir = join(root, 'cache-key');
    const a = wheel('alpha');
    const b = wheel('beta');
    const first = await ensureProjectVenv({ files: project([a, b]), cacheDir });
    const second = await ensureProjectVenv({ files: project([b, a]), cacheDir });
    expect(second.dir).toBe(first.dir);
    expect(first.dir).toBe(join(cacheDir, venvKey(await pythonVersion('python3'), [a, b])));
  }, 300_000);

  it('replaces an incomplete leftover venv instead of using it', async () => {
    const cacheDir = join(root, 'cache-leftover');
    const dir = join(cacheDir, venvKey(await pythonVersion('python3'), []));
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'half-written'), '');
    const venv = await ensureProjectVenv({ files: project([]), cacheDir });
    expect(venv.dir).toBe(dir);
    expect(existsSync(join(dir, 'half-written'))).toBe(false);
    expect(execFileSync(venv.python, ['-c', 'print("ok")'], { encoding: 'utf8' }).trim()).toBe('ok');
  }, 300_000);

  it('a requirement pip cannot satisfy is a UserError with pip’s last lines, and nothing is cached', async () => {
    const cacheDir = join(root, 'cache-fail');
    process.env.PIP_NO_INDEX = '1';
    try {
      const failure = await ensureProjectVenv({ files: project(['agent-generator-no-such-package==1.0']), cacheDir }).catch((error: unknown) => error);
      expect(failure).toBeInstanceOf(UserError);
      expect((failure as UserError).message).toMatch(/pip exited with 1[\s\S]*agent-generator-no-such-package/);
    } finally {
      delete process.env.PIP_NO_INDEX;
    }
    expect(existsSync(cacheDir) ? readdirSync(cacheDir) : []).toEqual([]);
  }, 300_000);

  it('refuses pip options in the dependency list without running pip', async () => {
    await expect(ensureProjectVenv({ files: project(['--index-url=http://evil.example/simple']), cacheDir: join(root, 'cache-option') })).rejects.toThrow(/not a requirement/);
  });

  it('a caller that stops waiting is released at once while the install finishes for the cache', async () => {
    const controller = new AbortController();
    const { python, builds } = loggingPython();
    const options = { files: project([wheel('gamma')]), cacheDir: join(root, 'cache-abort'), python };
    const waiting = ensureProjectVenv({ ...options, signal: controller.signal });
    const other = ensureProjectVenv(options);
    setTimeout(() => controller.abort(new Error('stopped')), 200);
    await expect(waiting).rejects.toThrow('stopped');
    const venv = await other;
    expect(existsSync(join(venv.dir, '.ready'))).toBe(true);
    expect(builds()).toBe(1);
  }, 300_000);
});
