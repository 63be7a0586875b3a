// Structure check: file names, file sizes and package layout, as AGENTS.md describes them.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

const files = execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard', 'packages', 'apps', 'tests', 'scripts'], { encoding: 'utf8' })
  .split('\n')
  .filter((file) => /\.(ts|tsx|mjs)$/.test(file) && !file.includes('/__snapshots__/') && !file.includes('/fixtures/'));

const problems = [];
const sizes = new Map();
for (const file of files) {
  let text;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    continue; // deleted in the working tree
  }
  const lines = text.split('\n').length;
  const name = file.split('/').pop();
  if (!/^[a-z0-9][a-z0-9.-]*$/.test(name)) problems.push(`${file}: file names are kebab-case`);
  // A file over 500 lines must say why in its header comment (first 5 lines).
  if (lines > 500 && !/size:/i.test(text.split('\n').slice(0, 5).join('\n'))) {
    problems.push(`${file}: ${lines} lines; split it or give the reason in a "size:" header comment`);
  }
  const packageName = file.split('/').slice(0, 2).join('/');
  if (!file.includes('.test.')) sizes.set(packageName, [...(sizes.get(packageName) ?? []), lines]);
}

const percentile = (values, p) => values.slice().sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor((values.length - 1) * p))];
for (const [name, values] of sizes) {
  const median = percentile(values, 0.5);
  const p90 = percentile(values, 0.9);
  if (median > 150) problems.push(`${name}: median file is ${median} lines (aim for under ~100)`);
  if (p90 > 400) problems.push(`${name}: p90 file is ${p90} lines (aim for under ~300)`);
}

if (problems.length > 0) {
  console.error(`structure check: ${problems.length} problem(s)\n${problems.map((problem) => `  - ${problem}`).join('\n')}`);
  process.exit(1);
}
console.log(`structure check: ${files.length} files ok`);
