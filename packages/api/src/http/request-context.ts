// Per-request plumbing: a request id (echoed as X-Request-Id), a logger that stamps it on every
// line, the client address, one access-log line and one metrics sample per request.
import type { MiddlewareHandler } from 'hono';
import { routePath } from 'hono/route';
import type { MetricsPort } from '../app-deps';
import type { AppEnv } from '../app-env';
import type { Logger } from '../logger';
import { clientAddress } from './client-address';

export interface RequestContextOptions {
  readonly logger: Logger;
  readonly metrics: MetricsPort | undefined;
  readonly trustProxy: boolean;
}

const HEADER = 'X-Request-Id';

function requestIdOf(header: string | undefined): string {
  return header !== undefined && header.length <= 100 && /^[\w\-=.]+$/.test(header) ? header : crypto.randomUUID();
}

export function requestContext(options: RequestContextOptions): MiddlewareHandler<AppEnv> {
  return async (context, next) => {
    const started = performance.now();
    const requestId = requestIdOf(context.req.header(HEADER));
    const logger = options.logger.child({ requestId });
    context.set('requestId', requestId);
    context.set('logger', logger);
    context.set('clientAddress', clientAddress(context, options.trustProxy));
    context.header(HEADER, requestId);
    await next();
    const seconds = (performance.now() - started) / 1000;
    // The route of the handler that answered (later catch-alls such as the web app never ran).
    const route = routePath(context) || 'unmatched';
    const status = context.res.status;
    options.metrics?.observeRequest({ method: context.req.method, route, status, seconds });
    logger.info({ method: context.req.method, path: context.req.path, route, status, ms: Math.round(seconds * 10_000) / 10 }, 'request');
  };
}
