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
  return {
    observeRequest(sample) {
      const labels = { method: sample.method, route: sample.route, status: String(sample.status) };
      requests.inc(labels);
      duration.observe(labels, sample.seconds);
    },
    async render() {
      return { contentType: registry.contentType, body: await registry.metrics() };
    },
  };
}
