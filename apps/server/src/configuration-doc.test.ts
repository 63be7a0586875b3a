// The configuration guide must show exactly the keys config-keys.ts defines, with their defaults.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CONFIG_KEYS, configurationTable } from './config-keys';

const guide = readFileSync(new URL('../../../docs/guides/configuration.md', import.meta.url), 'utf8');
const readme = readFileSync(new URL('../../../README.md', import.meta.url), 'utf8');
const source = readFileSync(new URL('./config.ts', import.meta.url), 'utf8') + readFileSync(new URL('./config-reader.ts', import.meta.url), 'utf8');

describe('docs/guides/configuration.md', () => {
  it('contains the configuration table generated from config-keys.ts', () => {
    expect(guide).toContain(configurationTable());
  });

  it('is repeated in the README', () => {
    expect(readme).toContain(configurationTable());
  });

  it('documents every key config.ts reads, and config.ts reads every documented key', () => {
    const read = new Set([...source.matchAll(/\b(?:optional|text|integer|boolean|oneOf|url|origin|pair)\('([A-Z_]+)'/g)].map((match) => match[1]));
    for (const match of source.matchAll(/pair\(`\$\{prefix\}_([A-Z_]+)`, `\$\{prefix\}_([A-Z_]+)`\)/g)) {
      for (const prefix of ['GITHUB', 'GOOGLE', 'ENTRA']) for (const suffix of [match[1], match[2]]) read.add(`${prefix}_${suffix}`);
    }
    for (const match of source.matchAll(/pair\('([A-Z_]+)', '([A-Z_]+)'\)/g)) for (const key of [match[1], match[2]]) read.add(key);
    expect([...read].sort()).toEqual(CONFIG_KEYS.map((entry) => entry.name).sort());
  });
});
