// Generated projects' Dockerfiles build on a real Docker engine (a private dockerd, BuildKit, a
// locally built Debian base) into slim non-root images without compilers or secrets that serve by
// default with a passing health check, and answer `run` and chat requests through a loopback model.
// The watsonx Orchestrate importer image is built too: non-root, no secrets, and the ADK's CLI runs.
import { randomUUID } from 'node:crypto';
import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import type { FrameworkId } from '@agent-generator/contracts';
import { renderers } from '@agent-generator/renderers';
import { createLoopbackModelServer } from '@agent-generator/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixtureSpec } from '../../packages/renderers/src/test-fixtures';
import { ensureBaseImage } from './support/base-image';
import { freePort, imageContains, modelEnvironment, NO_BUILD_TOOLS_PROBE, waitForHealth, writeProject } from './support/container-probes';
import { acquireDockerEngine, buildImage, type DockerEngine } from './support/docker-engine';

const root = mkdtempSync(join(tmpdir(), 'container-images-'));
// Every framework whose project is a Python service (serve by default, `run` once), built one at a time.
const FRAMEWORKS: ReadonlyArray<{ readonly framework: Exclude<FrameworkId, 'watsonx-orchestrate'> }> = [
  { framework: 'crewai' },
  { framework: 'crewai-flow' },
  { framework: 'langgraph' },
  { framework: 'react' },
  { framework: 'autogen' },
  { framework: 'strands' },
  { framework: 'llamaindex' },
];
const ANSWER = 'Digest from the loopback model: three papers, 12 minutes of reading.';

describe.skipIf(process.env.AG_SKIP_DOCKER === '1')('container images of generated projects', () => {
  let engine: DockerEngine | undefined;
  let baseImage = '';

  const current = (): DockerEngine => {
    if (engine === undefined) throw new Error('the Docker engine did not start');
    return engine;
  };
  const docker = (args: ReadonlyArray<string>, env?: Record<string, string>) => current().docker(args, env === undefined ? {} : { env });

  beforeAll(async () => {
    engine = await acquireDockerEngine();
    const started = performance.now();
    baseImage = await ensureBaseImage(engine);
    console.log(`base image ${baseImage} ready in ${Math.round(performance.now() - started)} ms`);
  }, 40 * 60_000);

  afterAll(async () => {
    await engine?.docker(['image', 'prune', '--force']).catch(() => undefined); // dangling images of earlier renders
    await engine?.release();
    rmSync(root, { recursive: true, force: true });
  }, 120_000);

  describe.each(FRAMEWORKS)('$framework', ({ framework }) => {
    const image = `agent-generator-test/${framework}:latest`;
    const secret = `sk-container-test-${randomUUID()}`;
    let marker = ''; // a line of the installed __main__.py: proves the scan sees the image's files

    beforeAll(async () => {
      const files = renderers[framework].render(fixtureSpec({ framework, pattern: 'sequential' }));
      marker = files.find((file) => file.path === 'src/paper_digest/__main__.py')?.content.split('\n')[0] ?? '';
      const context = writeProject(root, framework, files);
      // At the root and inside the package: hatchling would ship src/<pkg>/.env inside the wheel.
      for (const file of ['.env', 'src/paper_digest/.env']) writeFileSync(join(context, file), `OPENAI_API_KEY=${secret}\n`);
      const started = performance.now();
      await buildImage(current(), { context, tag: image, baseImage });
      const size = Number((await docker(['image', 'inspect', '--format', '{{.Size}}', image])).stdout.trim());
      console.log(`${framework}: image built in ${Math.round(performance.now() - started)} ms, ${(size / 1e6).toFixed(1)} MB`);
    }, 45 * 60_000);

    it('runs as the non-root uid 10001 and keeps no compilers or sources', async () => {
      expect((await docker(['image', 'inspect', '--format', '{{.Config.User}}', image])).stdout.trim()).toBe('10001:10001');
      const { stdout } = await docker(['run', '--rm', '--network', 'none', '--entrypoint', '/bin/sh', image, '-c', NO_BUILD_TOOLS_PROBE]);
      expect(stdout.trim()).toBe('10001');
    }, 120_000);

    it('contains no .env: the fake secret from the build context is in no layer or config', async () => {
      expect(marker.length).toBeGreaterThan(10);
      expect(await imageContains(current(), image, [secret, marker])).toEqual({ [secret]: false, [marker]: true });
    }, 300_000);

    it('serves by default and its HEALTHCHECK reports healthy (isolated network, nothing bound on the host)', async () => {
      const check = JSON.parse((await docker(['image', 'inspect', '--format', '{{json .Config.Healthcheck.Test}}', image])).stdout) as string[];
      expect(check.slice(0, 2)).toEqual(['CMD', 'python']);
      expect(check.join(' ')).toContain('/health');
      const { stdout } = await docker(['run', '--detach', '--network', 'none', '--health-interval', '1s', image]);
      const container = stdout.trim();
      try {
        expect(await waitForHealth(current(), container)).toBe('healthy');
        expect((await docker(['inspect', '--format', '{{json .Config.Cmd}}', container])).stdout.trim()).toBe('["serve","--host","0.0.0.0","--port","8000"]');
      } finally {
        await docker(['rm', '--force', container]);
      }
    }, 180_000);

    it('`run hello` answers through a loopback model on the host network and writes the output file', async () => {
      const model = await createLoopbackModelServer({ respond: () => ({ text: `Thought: I now know the final answer\nFinal Answer: ${ANSWER}` }) });
      const workspace = mkdtempSync(join(root, `workspace-${framework}-`));
      chmodSync(workspace, 0o777); // the container user (uid 10001) writes here
      try {
        const { env, flags } = modelEnvironment(model.url);
        const { stdout } = await docker(['run', '--rm', '--network', 'host', ...flags, '--volume', `${workspace}:/app/workspace`, image, 'run', 'hello'], env);
        expect(stdout).toContain(ANSWER);
        expect(model.requests.some((request) => request.path.endsWith('/chat/completions'))).toBe(true);
        expect(JSON.stringify(model.requests.map((request) => request.body))).toContain('hello');
        expect(readFileSync(join(workspace, 'digest.md'), 'utf8')).toContain(ANSWER);
      } finally {
        await model.close();
      }
    }, 300_000);

    it('serve mode answers an OpenAI-compatible chat request through the loopback model', async () => {
      const model = await createLoopbackModelServer({ respond: () => ({ text: `Thought: I now know the final answer\nFinal Answer: ${ANSWER}` }) });
      const port = await freePort();
      const { env, flags } = modelEnvironment(model.url);
      // Host network so the container reaches the model on 127.0.0.1; it listens on 127.0.0.1 only.
      const serve = ['serve', '--host', '127.0.0.1', '--port', String(port)];
      const container = (await docker(['run', '--detach', '--network', 'host', '--no-healthcheck', ...flags, image, ...serve], env)).stdout.trim();
      const origin = `http://127.0.0.1:${port}`;
      try {
        const logs = async (): Promise<string> => docker(['logs', container]).then(({ stdout, stderr }) => `${stdout}\n${stderr}`.slice(-3_000));
        const healthy = async (): Promise<boolean> => fetch(`${origin}/health`).then((response) => response.ok, () => false);
        let up = await healthy();
        for (let attempt = 0; attempt < 240 && !up; attempt += 1) up = await sleep(500).then(healthy);
        expect(up, await logs()).toBe(true);
        const response = await fetch(`${origin}/v1/chat/completions`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ model: 'paper-digest', messages: [{ role: 'user', content: 'hello' }] }),
        });
        expect(response.status, await logs()).toBe(200);
        const completion = (await response.json()) as { object: string; choices: Array<{ message: { role: string; content: string } }> };
        expect(completion.object).toBe('chat.completion');
        expect(completion.choices[0]?.message.content).toContain(ANSWER);
        expect(JSON.stringify(model.requests.map((request) => request.body))).toContain('hello');
      } finally {
        await docker(['rm', '--force', container]);
        await model.close();
      }
    }, 300_000);
  });

  describe('watsonx-orchestrate (an importer image: ENTRYPOINT import.sh)', () => {
    const image = 'agent-generator-test/watsonx-orchestrate:latest';
    const secret = `wo-container-test-${randomUUID()}`;

    beforeAll(async () => {
      // Orchestrate is a SaaS tenant: its agents use a cloud model (watsonx here), never a local one.
      const spec = fixtureSpec({ framework: 'watsonx-orchestrate', pattern: 'supervisor', provider: 'watsonx', model: 'ibm/granite-3-3-8b-instruct' });
      const files = renderers['watsonx-orchestrate'].render(spec);
      const context = writeProject(root, 'watsonx-orchestrate', files);
      // import.sh reads ./.env when run from a checkout; one under tools/ must stay out as well.
      for (const file of ['.env', 'tools/.env']) writeFileSync(join(context, file), `WO_API_KEY=${secret}\n`);
      const started = performance.now();
      await buildImage(current(), { context, tag: image, baseImage });
      const size = Number((await docker(['image', 'inspect', '--format', '{{.Size}}', image])).stdout.trim());
      console.log(`watsonx-orchestrate: image built in ${Math.round(performance.now() - started)} ms, ${(size / 1e6).toFixed(1)} MB`);
    }, 45 * 60_000);

    it('runs as the non-root uid 10001, imports with import.sh and keeps no compilers', async () => {
      const config = JSON.parse((await docker(['image', 'inspect', '--format', '{{json .Config}}', image])).stdout) as { User: string; Entrypoint: string[] };
      expect(config.User.split(':')[0]).toBe('10001');
      expect(config.Entrypoint.join(' ')).toContain('import.sh');
      const { stdout } = await docker(['run', '--rm', '--network', 'none', '--entrypoint', '/bin/sh', image, '-c', NO_BUILD_TOOLS_PROBE]);
      expect(stdout.trim()).toBe('10001');
    }, 120_000);

    it('contains no .env: the fake API key from the build context is in no layer or config', async () => {
      const marker = '# Imports the agents of'; // a line of import.sh: proves the scan sees the image's files
      expect(await imageContains(current(), image, [secret, marker])).toEqual({ [secret]: false, [marker]: true });
    }, 300_000);

    it("ships the ADK: `orchestrate --help` runs inside, offline", async () => {
      const { stdout } = await docker(['run', '--rm', '--network', 'none', '--entrypoint', 'orchestrate', image, '--help']);
      expect(stdout).toMatch(/Usage: orchestrate/);
      expect(stdout).toMatch(/\bagents\b/);
      expect(stdout).toMatch(/\btools\b/);
    }, 120_000);
  });
});
