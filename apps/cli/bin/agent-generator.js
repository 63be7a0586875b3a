#!/usr/bin/env node
// Thin launcher: the CLI is bundled into dist/cli.js by `npm run build` (run by `npm install`).
import('../dist/cli.js').catch((error) => {
  if (error && error.code === 'ERR_MODULE_NOT_FOUND') {
    console.error('agent-generator is not built yet: run `npm run build` in the repository root.');
    process.exit(1);
  }
  throw error;
});
