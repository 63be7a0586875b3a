import { parse as parseToml } from 'smol-toml';
import { describe, expect, it } from 'vitest';
import { fixtureSpec } from '../test-fixtures';
import { renderDockerfile, renderDockerignore } from './dockerfile';
import { renderPyproject } from './pyproject';
import { projectContext } from './python/project-context';

const context = projectContext(fixtureSpec({ framework: 'crewai', pattern: 'sequential' }));
const dockerfile = renderDockerfile(context);

/** The instructions of one stage, from its FROM line to the next. */
function stage(name: string | undefined): string[] {
  const stages = dockerfile.split(/^(?=FROM )/m).slice(1);
  const found = stages.find((text) => (name === undefined ? !/ AS /.test(text.split('\n')[0] ?? '') : text.startsWith(`FROM \${BASE_IMAGE} AS ${name}\n`)));
  if (found === undefined) throw new Error(`no stage ${name ?? '(final)'}`);
  return found.split('\n').filter((line) => line !== '' && !line.startsWith('#'));
}

describe('renderDockerfile', () => {
  it('keeps the upstream base as the default and pulls no frontend image', () => {
    expect(dockerfile).toContain('\nARG BASE_IMAGE=python:3.11-slim\n');
    expect(dockerfile).not.toMatch(/^# ?syntax=/m);
    expect(dockerfile.match(/^FROM .*$/gm)).toEqual(['FROM ${BASE_IMAGE} AS dependencies', 'FROM ${BASE_IMAGE} AS wheel', 'FROM ${BASE_IMAGE}']);
  });

  it('builds the wheel with the build backend that pyproject.toml names', () => {
    const pyproject = parseToml(renderPyproject(context, [])) as { 'build-system': { requires: string[] } };
    const install = stage('wheel').find((line) => line.includes('/opt/build/bin/pip install')) ?? '';
    expect(pyproject['build-system'].requires.map((requirement) => `"${requirement}"`)).toEqual([install.split('pip install ')[1]]);
  });

  it('installs dependencies from pyproject.toml alone, so editing src/ keeps that layer', () => {
    expect(stage('dependencies').filter((line) => line.startsWith('COPY'))).toEqual(['COPY pyproject.toml ./']);
  });

  it('serves on port 8000 by default, with a stdlib health check against /health', () => {
    const final = stage(undefined).join('\n');
    expect(final).toContain('\nEXPOSE 8000\n');
    expect(final).toMatch(/\nHEALTHCHECK [^\n]*\\\n {4}CMD \["python", "-c", "import urllib\.request; urllib\.request\.urlopen\('http:\/\/127\.0\.0\.1:8000\/health', timeout=4\)"\]\n/);
    expect(final).toContain('\nENTRYPOINT ["python", "-m", "paper_digest"]\nCMD ["serve", "--host", "0.0.0.0", "--port", "8000"]');
  });

  it('finishes as uid 10001 with offline installs only and no build stage tools', () => {
    const final = stage(undefined);
    expect(final).toContain('USER 10001:10001');
    expect(final.filter((line) => /pip install/.test(line))).toEqual(['RUN pip install --no-cache-dir --no-deps --no-index /tmp/wheels/*.whl && rm -rf /tmp/wheels']);
    expect(final.join('\n')).not.toMatch(/hatchling|apt-get|gcc|build-essential|COPY (src|\.)/);
    expect(final.filter((line) => line.startsWith('COPY'))).toEqual(['COPY --from=dependencies /opt/venv /opt/venv', 'COPY --from=wheel /wheels /tmp/wheels']);
  });
});

describe('renderDockerignore', () => {
  it('keeps every .env out of the build context, at the root and in subfolders, but not .env.example', () => {
    const rules = renderDockerignore().split('\n').filter(Boolean);
    expect(rules).toEqual(expect.arrayContaining(['.env', '.env.*', '**/.env', '**/.env.*']));
    // Docker applies the last matching rule, so the exception must follow every .env pattern.
    expect(rules.indexOf('!.env.example')).toBeGreaterThan(Math.max(...['.env', '.env.*', '**/.env', '**/.env.*'].map((rule) => rules.indexOf(rule))));
  });
});
