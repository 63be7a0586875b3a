// Entry point of the bundled server (dist/server.js).
import { runServer } from './run-server';

runServer().catch((error: unknown) => {
  process.stderr.write(`agent-generator: could not start: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
