// The product version: injected by the bundler at build time, or read from the CLI's package.json when run from source.
import { readFileSync } from 'node:fs';

declare const AGENT_GENERATOR_VERSION: string | undefined;

export function serverVersion(): string {
  if (typeof AGENT_GENERATOR_VERSION === 'string') return AGENT_GENERATOR_VERSION;
  try {
    const manifest: unknown = JSON.parse(readFileSync(new URL('../../cli/package.json', import.meta.url), 'utf8'));
    const version = typeof manifest === 'object' && manifest !== null ? Reflect.get(manifest, 'version') : undefined;
    return typeof version === 'string' ? version : '0.0.0-dev';
  } catch {
    return '0.0.0-dev';
  }
}
