// `npm run examples`: regenerates examples/ from examples/manifest.json with the built CLI.
import { execFileSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const { examples } = JSON.parse(readFileSync(join(root, 'examples/manifest.json'), 'utf8'));
for (const example of examples) {
  const out = join(root, 'examples', example.dir);
  rmSync(out, { recursive: true, force: true });
  execFileSync(process.execPath, [join(root, 'apps/cli/bin/agent-generator.js'), 'generate', example.idea, '--framework', example.framework, '--pattern', example.pattern, '--out', out], { stdio: ['ignore', 'ignore', 'inherit'] });
  console.log(`examples/${example.dir}`);
}
