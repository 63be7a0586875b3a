// Liveness, readiness, Prometheus metrics and the About modal's system facts.
import { OperationalError } from '@agent-generator/contracts';
import { z, type OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../app-env';
import type { AppServices } from '../app-services';
import { PUBLIC, VIEWER_READ } from '../auth/access';
import { defineRoute } from '../openapi/define-route';
import { TimestampSchema } from '../schemas/common.schemas';

const StatusSchema = z.object({ status: z.string() });

const SystemSchema = z
  .object({
    version: z.string(),
    runtime: z.object({ name: z.literal('node'), version: z.string(), platform: z.string(), arch: z.string() }),
    database: z.object({ kind: z.enum(['sqlite', 'postgres']), migrations: z.array(z.string()) }),
    startedAt: TimestampSchema,
    uptimeSeconds: z.number(),
    memory: z.object({ rssBytes: z.number().int(), heapUsedBytes: z.number().int() }),
  })
  .openapi('SystemInfo');

const tags = ['system'];

const healthz = defineRoute(PUBLIC, { method: 'get', path: '/healthz', tags, summary: 'Liveness: the process answers', responses: { 200: { description: 'Alive', content: { 'application/json': { schema: StatusSchema } } } } });
const readyz = defineRoute(PUBLIC, { method: 'get', path: '/readyz', tags, summary: 'Readiness: the database answers', responses: { 200: { description: 'Ready', content: { 'application/json': { schema: StatusSchema } } } } });
const metrics = defineRoute(PUBLIC, { method: 'get', path: '/metrics', tags, summary: 'Prometheus metrics', responses: { 200: { description: 'Text exposition format', content: { 'text/plain': { schema: z.string() } } } } });
const system = defineRoute(VIEWER_READ, { method: 'get', path: '/api/system', tags, summary: 'Version, runtime, database and uptime', responses: { 200: { description: 'System facts', content: { 'application/json': { schema: SystemSchema } } } } });

export function registerSystemRoutes(app: OpenAPIHono<AppEnv>, services: AppServices): void {
  app.openapi(healthz, (context) => context.json({ status: 'ok' }, 200));
  app.openapi(readyz, async (context) => {
    if (services.deps.draining?.()) throw new OperationalError('unavailable', 'The server is shutting down.');
    await services.store.ping();
    return context.json({ status: 'ready' }, 200);
  });
  app.openapi(metrics, async (context) => {
    if (services.deps.metrics === undefined) throw new OperationalError('unavailable', 'Metrics are not enabled in this process.');
    const { contentType, body } = await services.deps.metrics.render();
    return context.text(body, 200, { 'Content-Type': contentType });
  });
  app.openapi(system, async (context) => {
    const memory = process.memoryUsage();
    const startedAt = services.deps.system.startedAt;
    return context.json(
      {
        version: services.deps.system.version,
        runtime: { name: 'node' as const, version: process.version, platform: process.platform, arch: process.arch },
        database: { kind: services.store.kind, migrations: [...(await services.store.appliedMigrations())] },
        startedAt: startedAt.toISOString(),
        uptimeSeconds: Math.max(0, (services.clock().getTime() - startedAt.getTime()) / 1000),
        memory: { rssBytes: memory.rss, heapUsedBytes: memory.heapUsed },
      },
      200,
    );
  });
}
