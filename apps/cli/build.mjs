// Bundles the CLI and every workspace package it uses into one ES module for a fast start.
import { readFileSync } from 'node:fs';
import { build } from 'esbuild';

const { version } = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8'));

await build({
  entryPoints: ['src/main.ts'],
  outdir: 'dist',
  entryNames: 'cli',
  chunkNames: 'chunks/[name]-[hash]',
  splitting: true,
  // Native and optional modules stay outside the bundle and load from node_modules.
  external: ['better-sqlite3', 'pg', 'pg-native', '@node-rs/argon2', 'pino', 'thread-stream', 'prom-client'],
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  minify: true,
  legalComments: 'linked',
  banner: { js: "import { createRequire as __agCreateRequire } from 'node:module'; const require = __agCreateRequire(import.meta.url);" },
  define: { AGENT_GENERATOR_VERSION: JSON.stringify(version) },
  logLevel: 'warning',
});
