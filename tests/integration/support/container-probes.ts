// Probes the container tests run against built images: a scan of `docker save` for needles, the
// health status of a container, a free loopback port and the model environment passed by name.
import { spawn } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { dirname, join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import type { FileTree } from '@agent-generator/contracts';
import type { DockerEngine } from './docker-engine';

// Keeps CrewAI's telemetry and tracing off the network; the other frameworks ignore these.
const OFFLINE = { CREWAI_DISABLE_TELEMETRY: 'true', OTEL_SDK_DISABLED: 'true', CREWAI_TRACING_ENABLED: 'false' };

/** Writes a rendered project under root/name and returns its directory (the build context). */
export function writeProject(root: string, name: string, files: FileTree): string {
  const dir = join(root, name);
  for (const file of files) {
    mkdirSync(dirname(join(dir, file.path)), { recursive: true });
    writeFileSync(join(dir, file.path), file.content);
  }
  return dir;
}

/** Streams `docker save` (every layer and the config) and reports which needles occur in it. */
export async function imageContains(engine: DockerEngine, image: string, needles: ReadonlyArray<string>): Promise<Record<string, boolean>> {
  const child = spawn(engine.client, ['save', image], { env: engine.env, stdio: ['ignore', 'pipe', 'ignore'] });
  const exited = new Promise<number | null>((resolve) => child.on('close', resolve));
  const found = new Map(needles.map((needle) => [needle, false]));
  const overlap = Math.max(...needles.map((needle) => Buffer.byteLength(needle)));
  let tail = Buffer.alloc(0);
  for await (const chunk of child.stdout) {
    const window = Buffer.concat([tail, chunk as Buffer]);
    for (const needle of needles) if (window.includes(needle)) found.set(needle, true);
    tail = window.subarray(Math.max(0, window.length - overlap));
  }
  if ((await exited) !== 0) throw new Error(`docker save ${image} failed`);
  return Object.fromEntries(found);
}

/** A port that was free a moment ago on 127.0.0.1, for a server in a host-network container. */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** The environment that points a project at a loopback model, and the `--env NAME` flags that pass it. */
export function modelEnvironment(modelUrl: string): { env: Record<string, string>; flags: string[] } {
  const env = { ...OFFLINE, MODEL_PROVIDER: 'openai-compatible', MODEL_ID: 'fake-model', OPENAI_BASE_URL: modelUrl, OPENAI_API_KEY: 'test' };
  return { env, flags: Object.keys(env).flatMap((name) => ['--env', name]) }; // values stay out of the process list
}

/** Polls a container's health status until it settles (healthy or unhealthy) or a minute passes. */
export async function waitForHealth(engine: DockerEngine, container: string): Promise<string> {
  let status = '';
  for (let attempt = 0; attempt < 120 && status !== 'healthy' && status !== 'unhealthy'; attempt += 1) {
    await sleep(500);
    status = (await engine.docker(['inspect', '--format', '{{.State.Health.Status}}', container])).stdout.trim();
  }
  return status;
}

/** Shell probe for the final image: prints the uid, then any compiler, build tool or build directory found. */
export const NO_BUILD_TOOLS_PROBE = 'id -u; for tool in gcc cc c++ g++ make ld as clang; do command -v "$tool"; done; ls -d /build /app/src 2>/dev/null; true';
