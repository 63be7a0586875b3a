import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { renderProject } from '@agent-generator/renderers';
import { afterAll, describe, expect, it } from 'vitest';
import { fixtureSpec } from '../../../renderers/src/test-fixtures';
import { isSafePath, packageName, projectMetadata, projectRequirements, writeProjectFiles } from './project-files';

const root = mkdtempSync(join(tmpdir(), 'project-files-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
const react = renderProject(fixtureSpec({ framework: 'react', pattern: 'react', tools: ['calculator'] })).files;

describe('project files', () => {
  it('finds the package, runtime requirements and metadata of a rendered project', () => {
    expect(packageName(react)).toBe('paper_digest');
    expect(projectRequirements(react)).toEqual(['openai>=3,<4']);
    expect(projectMetadata(react, 'paper_digest')).toEqual({ project: 'paper-digest', framework: 'react', pattern: 'react' });
  });

  it('refuses paths that could leave the folder', () => {
    for (const path of ['../x', '/etc/passwd', 'a/../../b', 'a//b', './a', 'a\\b', 'a\nb', '', 'src/..']) expect(isSafePath(path), path).toBe(false);
    for (const path of ['pyproject.toml', 'src/pkg/__init__.py', '.env.example', 'config/agents.yaml']) expect(isSafePath(path), path).toBe(true);
  });

  it('writes files, marks executables, and stops at the first unsafe path', async () => {
    const dir = join(root, 'written');
    await writeProjectFiles([{ path: 'a/b.txt', content: 'hello' }, { path: 'run.sh', content: '#!/bin/sh\n', executable: true }], dir);
    expect(readFileSync(join(dir, 'a/b.txt'), 'utf8')).toBe('hello');
    expect(statSync(join(dir, 'run.sh')).mode & 0o111).not.toBe(0);
    await expect(writeProjectFiles([{ path: '../escape.txt', content: 'x' }], join(root, 'bad'))).rejects.toThrow(/not a plain relative path/);
  });

  it('explains a missing entry point, pyproject or a malformed dependency list', () => {
    expect(() => packageName([{ path: 'src/a/main.py', content: '' }])).toThrow(/__main__\.py/);
    expect(() => projectRequirements([])).toThrow(/no pyproject\.toml/);
    expect(() => projectRequirements([{ path: 'pyproject.toml', content: '[project]\ndependencies = "openai"\n' }])).toThrow(/list of requirement strings/);
    expect(() => projectRequirements([{ path: 'pyproject.toml', content: '[project\n' }])).toThrow(/not valid TOML/);
  });
});
