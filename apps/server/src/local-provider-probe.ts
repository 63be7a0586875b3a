// At start-up, looks once for local model servers (Ollama, OllaBridge) without holding up
// readiness: the probe runs beside the rest of start-up and ends within PROBE_TIMEOUT_MS.
import { probeLocalProviders, type LocalProviderKind, type LocalProviderProbe } from '@agent-generator/models';
import type { Logger as PinoLogger } from 'pino';

export const PROBE_TIMEOUT_MS = 250;

export interface LocalProviderProbeOptions {
  readonly baseUrls?: Partial<Record<LocalProviderKind, string>>;
  /** Default PROBE_TIMEOUT_MS; tests that share the event loop with the server allow more. */
  readonly timeoutMs?: number;
}

export function startLocalProviderProbe(options: LocalProviderProbeOptions & { readonly logger: PinoLogger }): Promise<ReadonlyArray<LocalProviderProbe>> {
  const started = performance.now();
  const probe = probeLocalProviders({ timeoutMs: options.timeoutMs ?? PROBE_TIMEOUT_MS, ...(options.baseUrls === undefined ? {} : { baseUrls: options.baseUrls }) });
  void probe.then((found) => {
    const available = found.filter((entry) => entry.available);
    options.logger.info(
      { localProviders: available.map((entry) => ({ provider: entry.provider, baseUrl: entry.baseUrl, models: entry.models.length })), probeMs: Math.round(performance.now() - started) },
      available.length === 0 ? 'no local model server found' : 'found local model servers',
    );
  });
  return probe;
}
