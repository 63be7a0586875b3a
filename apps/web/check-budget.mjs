// Bundle budget, run after `vite build`: the first route's JavaScript (entry + static imports) must stay
// under 200 KB gzipped, and the heavy viewers (code, diff) must load on demand, never with the first route.
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';

const BUDGET_BYTES = 200 * 1024;
const ON_DEMAND = ['code-view', 'diff-view'];
const dist = new URL('./dist/', import.meta.url);
const manifest = JSON.parse(readFileSync(new URL('.vite/manifest.json', dist), 'utf8'));

function staticClosure(key, seen = new Set()) {
  if (seen.has(key)) return seen;
  seen.add(key);
  for (const imported of manifest[key]?.imports ?? []) staticClosure(imported, seen);
  return seen;
}

const gzipped = (file) => gzipSync(readFileSync(new URL(file, dist))).length;
const entry = Object.keys(manifest).find((key) => manifest[key].isEntry);
const first = [...staticClosure(entry)].map((key) => manifest[key].file);
const firstBytes = first.reduce((sum, file) => sum + gzipped(file), 0);
const eager = first.filter((file) => ON_DEMAND.some((name) => file.includes(name)));
const lazy = Object.values(manifest).filter((chunk) => ON_DEMAND.some((name) => chunk.file.includes(name)) && chunk.file.endsWith('.js'));

console.log(`bundle: first route ${(firstBytes / 1024).toFixed(1)} KB gzipped in ${first.length} file(s) (budget ${BUDGET_BYTES / 1024} KB)`);
for (const chunk of lazy) console.log(`bundle: on demand ${chunk.file} ${(gzipped(chunk.file) / 1024).toFixed(1)} KB gzipped`);
const problems = [
  ...(firstBytes > BUDGET_BYTES ? [`the first route's JavaScript is ${(firstBytes / 1024).toFixed(1)} KB gzipped, over the ${BUDGET_BYTES / 1024} KB budget`] : []),
  ...eager.map((file) => `${file} loads with the first route; import it with import() instead`),
  ...(lazy.length < ON_DEMAND.length ? [`expected on-demand chunks for ${ON_DEMAND.join(', ')}, found ${lazy.map((chunk) => chunk.file).join(', ') || 'none'}`] : []),
];
if (problems.length > 0) {
  console.error(`bundle budget failed:\n${problems.map((problem) => `  - ${problem}`).join('\n')}`);
  process.exit(1);
}
