// Bundles the server into ES modules: dist/server.js plus dist/chunks/ that load on first use (the
// engine, the model SDKs, the PDF reader), so start-up parses only what serving needs. Native and
// driver modules stay external. `node build.mjs --outfile <path>` writes elsewhere (tests build
// their own copy; its chunks go to a chunks/ folder beside it).
import { readFileSync } from 'node:fs';
import { basename, dirname } from 'node:path';
import { build } from 'esbuild';

const { version } = JSON.parse(readFileSync(new URL('../cli/package.json', import.meta.url), 'utf8'));
const flag = process.argv.indexOf('--outfile');
const outfile = flag >= 0 ? process.argv[flag + 1] : new URL('./dist/server.js', import.meta.url).pathname;

await build({
  entryPoints: { [basename(outfile, '.js')]: new URL('./src/main.ts', import.meta.url).pathname },
  outdir: dirname(outfile),
  splitting: true,
  chunkNames: 'chunks/[name]-[hash]',
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  // AG_BUILD_MINIFY=0 keeps names readable for CPU profiles.
  minify: process.env.AG_BUILD_MINIFY !== '0',
  sourcemap: 'linked',
  legalComments: 'linked',
  external: ['better-sqlite3', 'pg', 'pg-native', '@node-rs/argon2', 'pino', 'thread-stream', 'prom-client'],
  banner: { js: "import { createRequire as __agCreateRequire } from 'node:module'; const require = __agCreateRequire(import.meta.url);" },
  define: { AGENT_GENERATOR_VERSION: JSON.stringify(version) },
  logLevel: 'warning',
});
