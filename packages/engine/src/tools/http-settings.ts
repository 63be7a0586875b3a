// The HTTP limits every network tool shares, from the run's tool settings.
import type { ToolsConfig } from '../run-options';

export interface HttpSettings {
  readonly timeoutMs: number;
  readonly maxBytes: number;
  readonly allowPrivateNetwork: boolean;
}

export function httpSettingsOf(config: ToolsConfig): HttpSettings {
  return {
    timeoutMs: config.http?.timeoutMs ?? 15_000,
    maxBytes: config.http?.maxResponseBytes ?? 1_000_000,
    allowPrivateNetwork: config.allowPrivateNetwork ?? false,
  };
}

/** A response body as text for the model, saying when it was cut. */
export function bodyText(body: Buffer, truncated: boolean, maxBytes: number): string {
  const text = body.toString('utf8');
  return truncated ? `${text}\n[truncated: the body is longer than ${maxBytes} bytes]` : text;
}
