// Vitest global setup: bundles the CLI once so binary tests run the current source.
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

export default function setup(): void {
  execFileSync(process.execPath, ['build.mjs'], { cwd: join(import.meta.dirname, '../../../apps/cli'), stdio: 'inherit' });
}
