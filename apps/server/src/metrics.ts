// Prometheus metrics with prom-client: process defaults plus request counts and latencies by route.
import { Counter, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import type { MetricsPort } from '@agent-generator/api';

export function createMetrics(): MetricsPort {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'agent_generator_' });
  const labelNames = ['method', 'route', 'status'] as const;
  const requests = new Counter({ name: 'agent_generator_http_requests_total', help: 'HTTP requests answered', labelNames, registers: [registry] });
  const duration = new Histogram({
    name: 'agent_generator_http_request_duration_seconds',
    help: 'Time to answer HTTP requests',
    labelNames,
    buckets: [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  });
  // The series of one method, route and status, looked up once rather than hashed on every request.
  const series = new Map<string, { readonly count: Counter.Internal; readonly time: Histogram.Internal<(typeof labelNames)[number]> }>();
  return {
    observeRequest(sample) {
      const key = `${sample.method} ${sample.status} ${sample.route}`;
      let found = series.get(key);
      if (found === undefined) {
        const labels = { method: sample.method, route: sample.route, status: String(sample.status) };
        found = { count: requests.labels(labels), time: duration.labels(labels) };
        series.set(key, found);
      }
      found.count.inc();
      found.time.observe(sample.seconds);
    },
    async render() {
      return { contentType: registry.contentType, body: await registry.metrics() };
    },
  };
}
