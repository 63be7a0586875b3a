// Bundles the server into one ES module (dist/server.js); native and driver modules stay external.
// `node build.mjs --outfile <path>` writes elsewhere (tests build their own copy).
import { readFileSync } from 'node:fs';
import { build } from 'esbuild';

const { version } = JSON.parse(readFileSync(new URL('../cli/package.json', import.meta.url), 'utf8'));
const flag = process.argv.indexOf('--outfile');
const outfile = flag >= 0 ? process.argv[flag + 1] : new URL('./dist/server.js', import.meta.url).pathname;

await build({
  entryPoints: [new URL('./src/main.ts', import.meta.url).pathname],
  outfile,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  minify: true,
  sourcemap: 'linked',
  legalComments: 'linked',
  external: ['better-sqlite3', 'pg', 'pg-native', '@node-rs/argon2', 'pino', 'thread-stream', 'prom-client'],
  banner: { js: "import { createRequire as __agCreateRequire } from 'node:module'; const require = __agCreateRequire(import.meta.url);" },
  define: { AGENT_GENERATOR_VERSION: JSON.stringify(version) },
  logLevel: 'warning',
});
