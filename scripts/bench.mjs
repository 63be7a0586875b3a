// `npm run bench`: bundles each TypeScript benchmark with esbuild and runs it; every benchmark
// prints medians and ratios against a baseline measured in the same run. Nothing here fails on time.
import { mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';

const only = process.argv[2];
const directory = new URL('./bench/', import.meta.url);
const benches = readdirSync(directory).filter((file) => file.endsWith('.bench.ts') && (!only || file.includes(only))).sort();
// Inside node_modules, so the native drivers left external resolve from the repository's install.
mkdirSync(join(process.cwd(), 'node_modules', '.cache'), { recursive: true });
const out = mkdtempSync(join(process.cwd(), 'node_modules', '.cache', 'ag-bench-'));

try {
  await runAll();
} finally {
  rmSync(out, { recursive: true, force: true });
}

async function runAll() {
  for (const file of benches) {
    const outfile = join(out, file.replace(/\.ts$/, '.mjs'));
    await build({
      entryPoints: [new URL(file, directory).pathname],
      outfile,
      bundle: true,
      platform: 'node',
      format: 'esm',
      target: 'node20',
      packages: 'bundle',
      external: ['better-sqlite3', 'pg', 'pg-native', '@node-rs/argon2'],
      logLevel: 'warning',
      banner: { js: "import { createRequire as __agCreateRequire } from 'node:module'; const require = __agCreateRequire(import.meta.url);" },
    });
    console.log(`\n## ${file.replace('.bench.ts', '')}\n`);
    const module = await import(pathToFileURL(outfile).href);
    await module.default();
  }
}
